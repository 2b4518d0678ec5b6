package parquetw

import (
	"bytes"
	"encoding/binary"
	"math"
	"testing"
)

// fuzzBytes hands out fuzz input bytes, then zeros.
type fuzzBytes []byte

func (b *fuzzBytes) byte() byte {
	if len(*b) == 0 {
		return 0
	}
	c := (*b)[0]
	*b = (*b)[1:]
	return c
}

func (b *fuzzBytes) uint64() uint64 {
	var buf [8]byte
	for i := range buf {
		buf[i] = b.byte()
	}
	return binary.LittleEndian.Uint64(buf[:])
}

// fuzzTable builds a small table from fuzz input: 1–4 columns of either
// type, 1–3 row groups of 1–64 rows, with NULL patterns (none, all valid,
// mixed, all NULL) and values that repeat, come from a palette of edge
// cases (extremes, NaN, ±0, ±Inf) or are arbitrary bit patterns.
func fuzzTable(data []byte) *table {
	in := fuzzBytes(data)
	tb := &table{}
	h := in.byte()
	for range 1 + int(h>>2)%3 {
		tb.groups = append(tb.groups, 1+int(in.byte())%64)
	}
	n := tb.rows()
	i32s := []int32{math.MinInt32, math.MaxInt32, 0, -1, 1, 7}
	f64s := []float64{math.NaN(), math.Float64frombits(0x7ff8000000000123), negZero, 0, math.Inf(1), math.Inf(-1),
		1.5, -1.5, math.MaxFloat64, math.SmallestNonzeroFloat64}
	for c := range 1 + int(h)%4 {
		spec := in.byte()
		col := Column{Name: string(rune('a' + c)), Type: Int32}
		var ch Chunk
		if spec&1 == 1 {
			col.Type = Double
			ch.F64 = make([]float64, n)
		} else {
			ch.I32 = make([]int32, n)
		}
		nullMode := spec >> 1 % 4 // 0: nil Valid, 1: all valid, 2: mixed, 3: all NULL
		if nullMode != 0 {
			ch.Valid = make([]bool, n)
		}
		for r := range n {
			b := in.byte()
			switch {
			case r > 0 && b < 96: // repeat the previous value
				if ch.I32 != nil {
					ch.I32[r] = ch.I32[r-1]
				} else {
					ch.F64[r] = ch.F64[r-1]
				}
			case b < 224: // from the palette
				if ch.I32 != nil {
					ch.I32[r] = i32s[int(b)%len(i32s)]
				} else {
					ch.F64[r] = f64s[int(b)%len(f64s)]
				}
			default: // arbitrary bits
				u := in.uint64()
				if ch.I32 != nil {
					ch.I32[r] = int32(u)
				} else {
					ch.F64[r] = math.Float64frombits(u)
				}
			}
			switch nullMode {
			case 1:
				ch.Valid[r] = true
			case 2:
				ch.Valid[r] = b&0x10 == 0
			}
		}
		tb.cols = append(tb.cols, col)
		tb.data = append(tb.data, ch)
	}
	return tb
}

// FuzzRoundTrip writes a table made from the fuzz input and reads it back
// with parquet-go, comparing every value, NULL and statistic.
func FuzzRoundTrip(f *testing.F) {
	f.Add([]byte{0})
	f.Add([]byte{0x07, 10, 20, 30, 0x01, 0x03, 0x05, 0x06})
	f.Add([]byte{0x0b, 63, 0, 0x04, 0xff, 1, 2, 3, 4, 5, 6, 7, 8, 100, 200, 0xe0, 0xf0})
	f.Add(bytes.Repeat([]byte{0xe5, 0x13, 0x97, 0x01}, 64))
	f.Fuzz(func(t *testing.T, data []byte) {
		tb := fuzzTable(data)
		var buf bytes.Buffer
		if err := encodeFile(&buf, tb, Options{CreatedBy: "fuzz"}); err != nil {
			t.Fatal(err)
		}
		checkParquetGo(t, buf.Bytes(), tb)
	})
}
