// Package clickhouse is bloc's distributed events engine: event data in a
// ClickHouse cluster, one MergeTree table per shard (events_local) under a
// Distributed table (events) sharded by a hash of the directed dyad, so
// that every dyad's events live on one shard and dyad aggregates are
// computed shard-locally. It implements events.Engine and gives the same
// results as the embedded DuckDB engine.
//
// Supported servers: ClickHouse 18.16 (Debian bookworm's package; what CI
// runs) and newer. The SQL is what 18.16 accepts; features of newer servers
// are gated on the server version (see Features). The native protocol is
// used: 18.16 cannot speak clickhouse-go's HTTP protocol.
//
// Loads are all-or-nothing per file: events go to staging tables, one per
// load and shard, that are attached to events_local partition by partition
// once the whole file is in and its checksum is not already stored. A
// crash while attaching is repaired on the next Open: the attempt's rows
// are deleted (ALTER TABLE … DELETE) and the file is ingested again.
// One writer at a time per database.
package clickhouse

import (
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	ch "github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"

	"github.com/bloc-project/bloc"
	"github.com/bloc-project/bloc/events"
)

// MinVersion is the oldest ClickHouse server bloc supports (and tests).
var MinVersion = Version{18, 16, 0}

// Version is a ClickHouse server version.
type Version struct{ Major, Minor, Patch int }

func (v Version) String() string { return fmt.Sprintf("%d.%d.%d", v.Major, v.Minor, v.Patch) }

// AtLeast reports whether v ≥ w.
func (v Version) AtLeast(w Version) bool {
	if v.Major != w.Major {
		return v.Major > w.Major
	}
	if v.Minor != w.Minor {
		return v.Minor > w.Minor
	}
	return v.Patch >= w.Patch
}

// Features are the version-gated choices.
type Features struct {
	// LowCardinality(String) for the CAMEO code column (19.3 and later);
	// String on older servers.
	LowCardinality bool
	// ForegroundInsert names the synchronous-distributed-insert setting:
	// distributed_foreground_insert from 23.3, insert_distributed_sync before.
	ForegroundInsert string
}

// FeaturesOf returns the features of a server version.
func FeaturesOf(v Version) Features {
	f := Features{ForegroundInsert: "insert_distributed_sync"}
	if v.AtLeast(Version{19, 3, 0}) {
		f.LowCardinality = true
	}
	if v.AtLeast(Version{23, 3, 0}) {
		f.ForegroundInsert = "distributed_foreground_insert"
	}
	return f
}

// Config is a parsed DSN.
type Config struct {
	Options *ch.Options
	// Cluster is the cluster of the Distributed table: the DSN's
	// ?cluster=NAME, "" for auto-detection, "none" for one server without
	// a Distributed table.
	Cluster  string
	Database string
	Redacted string // the DSN without its password
}

// ParseDSN reads clickhouse://[user[:password]@]host:port[/database][?cluster=NAME&…].
// Other query parameters are clickhouse-go's (dial_timeout, read_timeout, compress, …).
func ParseDSN(dsn string) (*Config, error) {
	bad := func(msg string) error {
		return &bloc.Error{Code: bloc.EINVALID, Message: "--dsn: " + msg,
			Hints: []string{"e.g. --dsn clickhouse://127.0.0.1:9101/default (the native protocol port, 9000 by default)"}}
	}
	u, err := url.Parse(strings.TrimSpace(dsn))
	if err != nil || u.Host == "" {
		return nil, bad("not a URL with a host")
	}
	switch u.Scheme {
	case "clickhouse", "tcp":
	case "http", "https":
		return nil, bad("the HTTP protocol is not supported (ClickHouse 18.16 rejects clickhouse-go's HTTP client); use the native protocol: clickhouse://HOST:9000")
	default:
		return nil, bad(fmt.Sprintf("scheme %q is not clickhouse://", u.Scheme))
	}
	if _, port, err := net.SplitHostPort(u.Host); err != nil || port == "" {
		return nil, bad("no port: the native protocol listens on 9000 by default")
	}
	q := u.Query()
	c := &Config{Cluster: q.Get("cluster")}
	q.Del("cluster")
	u.Scheme = "clickhouse"
	u.RawQuery = q.Encode()
	opt, err := ch.ParseDSN(u.String())
	if err != nil {
		return nil, bad(err.Error())
	}
	if opt.Auth.Database == "" {
		opt.Auth.Database = "default"
	}
	if !validIdent(opt.Auth.Database) {
		return nil, bad(fmt.Sprintf("database %q is not a plain identifier", opt.Auth.Database))
	}
	if c.Cluster != "" && c.Cluster != "none" && !validIdent(c.Cluster) {
		return nil, bad(fmt.Sprintf("cluster %q is not a plain identifier", c.Cluster))
	}
	if opt.DialTimeout == 0 {
		opt.DialTimeout = 5 * time.Second
	}
	if opt.ReadTimeout == 0 {
		opt.ReadTimeout = 10 * time.Minute
	}
	opt.Protocol = ch.Native
	c.Options, c.Database = opt, opt.Auth.Database
	red := *u
	if red.User != nil {
		red.User = url.User(red.User.Username())
	}
	c.Redacted = red.String()
	return c, nil
}

func validIdent(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// Engine is the ClickHouse events engine.
type Engine struct {
	cfg     *Config
	conn    driver.Conn // the entry node
	shards  []shard     // one per shard (the first replica); the entry node alone without a cluster
	version Version
	feat    Features
	cluster string // "" = one server, no Distributed table
}

type shard struct {
	num  int
	addr string
	conn driver.Conn
}

var _ events.Engine = (*Engine)(nil)

// Open connects to the server, checks its version, finds the cluster's
// shards, creates the tables if needed and repairs an interrupted load.
func Open(ctx context.Context, dsn string) (*Engine, error) {
	cfg, err := ParseDSN(dsn)
	if err != nil {
		return nil, err
	}
	conn, err := connect(ctx, cfg.Options, cfg.Redacted)
	if err != nil {
		return nil, err
	}
	e := &Engine{cfg: cfg, conn: conn}
	sv, err := conn.ServerVersion()
	if err != nil {
		conn.Close()
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: "ClickHouse at " + cfg.Redacted + " did not say its version", Err: err}
	}
	e.version = Version{int(sv.Version.Major), int(sv.Version.Minor), int(sv.Version.Patch)}
	if !e.version.AtLeast(MinVersion) {
		conn.Close()
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("ClickHouse %s at %s is too old: bloc supports %s and later", e.version, cfg.Redacted, MinVersion),
			Hints: []string{"upgrade the server (Debian bookworm ships 18.16.1)"}}
	}
	e.feat = FeaturesOf(e.version)
	if err := e.findShards(ctx); err != nil {
		e.Close()
		return nil, err
	}
	if err := e.createTables(ctx); err != nil {
		e.Close()
		return nil, err
	}
	if err := e.recover(ctx); err != nil {
		e.Close()
		return nil, err
	}
	return e, nil
}

func connect(ctx context.Context, opt *ch.Options, name string) (driver.Conn, error) {
	conn, err := ch.Open(opt)
	if err == nil {
		err = conn.Ping(ctx)
	}
	var ex *ch.Exception
	if errors.As(err, &ex) && ex.Code == 81 && opt.Auth.Database != "default" { // UNKNOWN_DATABASE: create it
		conn.Close()
		o := *opt
		o.Auth.Database = "default"
		c, cerr := ch.Open(&o)
		if cerr == nil {
			cerr = c.Exec(ctx, "CREATE DATABASE IF NOT EXISTS `"+opt.Auth.Database+"`")
			c.Close()
		}
		if cerr != nil {
			return nil, &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("ClickHouse at %s has no database %s and it could not be created", name, opt.Auth.Database), Err: cerr}
		}
		conn, err = ch.Open(opt)
		if err == nil {
			err = conn.Ping(ctx)
		}
	}
	if err != nil {
		if conn != nil {
			conn.Close()
		}
		return nil, &bloc.Error{Code: bloc.EINVALID, Message: "cannot reach ClickHouse at " + name, Err: err,
			Hints: []string{"is the server running? (scripts/clickhouse-cluster.sh start runs a 2-shard test cluster on 127.0.0.1:9101)",
				"the DSN names the native protocol port (9000 by default), not the HTTP port (8123)"}}
	}
	return conn, nil
}

// findShards resolves the cluster and connects to each shard's first replica.
func (e *Engine) findShards(ctx context.Context) error {
	name := e.cfg.Cluster
	if name == "" {
		rows, err := e.conn.Query(ctx, `SELECT DISTINCT cluster FROM system.clusters`)
		if err != nil {
			return e.internal("list clusters", err)
		}
		var names []string
		for rows.Next() {
			var c string
			if err := rows.Scan(&c); err != nil {
				rows.Close()
				return e.internal("list clusters", err)
			}
			if !strings.HasPrefix(c, "test_") {
				names = append(names, c)
			}
		}
		rows.Close()
		sort.Strings(names)
		switch {
		case len(names) == 0:
			name = "none"
		case len(names) == 1:
			name = names[0]
		default:
			for _, n := range names {
				if n == "two_shards" { // scripts/clickhouse-cluster.sh defines two_shards and one_shard
					name = n
				}
			}
			if name == "" {
				return &bloc.Error{Code: bloc.EINVALID, Message: fmt.Sprintf("ClickHouse at %s has several clusters (%s): say which one", e.cfg.Redacted, strings.Join(names, ", ")),
					Hints: []string{"add ?cluster=NAME to the DSN (?cluster=none for this server alone)"}}
			}
		}
	}
	if name == "none" {
		e.shards = []shard{{num: 1, addr: e.cfg.Options.Addr[0], conn: e.conn}}
		return nil
	}
	rows, err := e.conn.Query(ctx, `SELECT shard_num, host_address, port FROM system.clusters WHERE cluster = ? AND replica_num = 1 ORDER BY shard_num`, name)
	if err != nil {
		return e.internal("list shards", err)
	}
	defer rows.Close()
	for rows.Next() {
		var num uint32
		var host string
		var port uint16
		if err := rows.Scan(&num, &host, &port); err != nil {
			return e.internal("list shards", err)
		}
		e.shards = append(e.shards, shard{num: int(num), addr: net.JoinHostPort(host, strconv.Itoa(int(port)))})
	}
	if len(e.shards) == 0 {
		return &bloc.Error{Code: bloc.ENOTFOUND, Message: fmt.Sprintf("ClickHouse at %s has no cluster %q", e.cfg.Redacted, name),
			Hints: []string{"`SELECT DISTINCT cluster FROM system.clusters` lists them; ?cluster=none uses this server alone"}}
	}
	e.cluster = name
	for i := range e.shards {
		o := *e.cfg.Options
		o.Addr = []string{e.shards[i].addr}
		c, err := connect(ctx, &o, "shard "+strconv.Itoa(e.shards[i].num)+" ("+e.shards[i].addr+")")
		if err != nil {
			return err
		}
		e.shards[i].conn = c
	}
	return nil
}

func (e *Engine) internal(op string, err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	var be *bloc.Error
	if errors.As(err, &be) {
		return err
	}
	return &bloc.Error{Code: bloc.EINTERNAL, Op: "clickhouse " + op, Err: err}
}

func (e *Engine) db() string { return "`" + e.cfg.Database + "`" }

// localDDL is the per-shard table: day is days since 1970-01-01 (Int32,
// so that events before 1970 fit, which 18.16's Date cannot hold) and
// month is YYYYMM.
func (e *Engine) localDDL(name string) string {
	return fmt.Sprintf(`CREATE TABLE IF NOT EXISTS %s.%s (%s) ENGINE = MergeTree() PARTITION BY intDiv(month, 100) ORDER BY (ccode1, ccode2, day)`,
		e.db(), name, e.columnsDDL())
}

func (e *Engine) columnsDDL() string {
	cameo := "String"
	if e.feat.LowCardinality {
		cameo = "LowCardinality(String)"
	}
	return "file_id Int64, event_id Int64, day Int32, month UInt32, ccode1 UInt16, ccode2 UInt16, cameo " + cameo +
		", root UInt8, goldstein10 Int8, synthetic UInt8"
}

// shardingKey puts each directed dyad on one shard.
const shardingKey = "cityHash64(ccode1, ccode2)"

func (e *Engine) distributedDDL(name, local string) string {
	return fmt.Sprintf("CREATE TABLE IF NOT EXISTS %s.%s (%s) ENGINE = Distributed(%s, %s, %s, %s)",
		e.db(), name, e.columnsDDL(), e.cluster, e.cfg.Database, local, shardingKey)
}

const filesDDL = `CREATE TABLE IF NOT EXISTS %s.events_files (
	file_id Int64, seq UInt64, status String, path String, format String, size Int64, sha256 String, content_sha256 String,
	lines Int64, events Int64, domestic Int64, nonstate Int64, malformed Int64, blank Int64, synthetic Int64,
	issue_counts String, issues String, codebook String, started DateTime, finished DateTime
) ENGINE = MergeTree() ORDER BY (file_id, seq)`

func (e *Engine) createTables(ctx context.Context) error {
	for _, s := range e.shards {
		if err := s.conn.Exec(ctx, e.localDDL("events_local")); err != nil {
			return e.internal("create events_local on shard "+strconv.Itoa(s.num), err)
		}
	}
	if e.cluster != "" {
		if err := e.conn.Exec(ctx, e.distributedDDL("events", "events_local")); err != nil {
			return e.internal("create events", err)
		}
	}
	if err := e.conn.Exec(ctx, fmt.Sprintf(filesDDL, e.db())); err != nil {
		return e.internal("create events_files", err)
	}
	return nil
}

// table is the table queries read: the Distributed table, or the one local table.
func (e *Engine) table() string {
	if e.cluster == "" {
		return e.db() + ".events_local"
	}
	return e.db() + ".events"
}

// Name implements events.Engine.
func (e *Engine) Name() string { return "clickhouse" }

// Location implements events.Engine.
func (e *Engine) Location() string { return e.cfg.Redacted }

// Version returns the server version.
func (e *Engine) Version() Version { return e.version }

// Shards returns the number of shards.
func (e *Engine) Shards() int { return len(e.shards) }

// Cluster returns the cluster name ("" for one server).
func (e *Engine) Cluster() string { return e.cluster }

// Conn returns the entry node's connection (for ad hoc queries).
func (e *Engine) Conn() driver.Conn { return e.conn }

// Close implements events.Engine.
func (e *Engine) Close() error {
	for _, s := range e.shards {
		if s.conn != nil && s.conn != e.conn {
			s.conn.Close()
		}
	}
	return e.conn.Close()
}

// Stored implements events.Engine.
func (e *Engine) Stored(ctx context.Context, size int64) ([]events.FileRecord, error) {
	return e.files(ctx, "AND size = ?", size)
}

func (e *Engine) files(ctx context.Context, where string, args ...any) ([]events.FileRecord, error) {
	rows, err := e.conn.Query(ctx, `SELECT `+events.FileRecordColumns+` FROM `+e.db()+`.events_files WHERE status = 'done' `+where+` ORDER BY started, file_id`, args...)
	if err != nil {
		return nil, e.internal("read events_files", err)
	}
	defer rows.Close()
	var out []events.FileRecord
	for rows.Next() {
		r, err := events.ScanFileRecord(rows.Scan)
		if err != nil {
			return nil, e.internal("read events_files", err)
		}
		r.Started, r.Finished = r.Started.UTC(), r.Finished.UTC()
		out = append(out, r)
	}
	return out, e.internal("read events_files", rows.Err())
}

// logStatus appends a row to the ingest log.
func (e *Engine) logStatus(ctx context.Context, id int64, status string, r *events.FileRecord) error {
	b, err := e.conn.PrepareBatch(ctx, `INSERT INTO `+e.db()+`.events_files (file_id, seq, status, path, format, size, sha256, content_sha256,
		lines, events, domestic, nonstate, malformed, blank, synthetic, issue_counts, issues, codebook, started, finished)`)
	if err != nil {
		return e.internal("write events_files", err)
	}
	defer b.Close()
	if r == nil {
		r = &events.FileRecord{}
	}
	counts, _ := json.Marshal(r.IssueCounts)
	issues, _ := json.Marshal(r.Issues)
	started, finished := r.Started, r.Finished
	if started.IsZero() {
		started = time.Now()
	}
	if finished.IsZero() {
		finished = time.Now()
	}
	if err := b.Append(id, uint64(time.Now().UnixNano()), status, r.Path, r.Format, r.Size, r.SHA256, r.ContentSHA256, r.Lines, r.Events, r.Domestic,
		r.NonState, r.Malformed, r.Blank, r.Synthetic, string(counts), string(issues), r.Codebook, started, finished); err != nil {
		return e.internal("write events_files", err)
	}
	return e.internal("write events_files", b.Send())
}

func newID() int64 {
	var b [8]byte
	rand.Read(b[:])
	return int64(binary.LittleEndian.Uint64(b[:]) >> 1)
}

func stageName(id int64) string { return fmt.Sprintf("events_stage_%x", id) }

// recover repairs what an interrupted load left: rows of an attempt that
// crashed while attaching are deleted, staging tables are dropped.
func (e *Engine) recover(ctx context.Context) error {
	rows, err := e.conn.Query(ctx, `SELECT file_id, groupArray(status) FROM `+e.db()+`.events_files GROUP BY file_id HAVING has(groupArray(status), 'done') = 0 AND has(groupArray(status), 'aborted') = 0`)
	if err != nil {
		return e.internal("recover", err)
	}
	type attempt struct {
		id        int64
		attaching bool
	}
	var todo []attempt
	for rows.Next() {
		var id int64
		var st []string
		if err := rows.Scan(&id, &st); err != nil {
			rows.Close()
			return e.internal("recover", err)
		}
		a := attempt{id: id}
		for _, s := range st {
			if s == "attaching" {
				a.attaching = true
			}
		}
		todo = append(todo, a)
	}
	rows.Close()
	for _, a := range todo {
		if a.attaching {
			if err := e.deleteFile(ctx, a.id); err != nil {
				return err
			}
		}
		e.dropStage(ctx, a.id)
		if err := e.logStatus(ctx, a.id, "aborted", nil); err != nil {
			return err
		}
	}
	return nil
}

// deleteFile removes an attempt's rows from every shard and waits for the mutations.
func (e *Engine) deleteFile(ctx context.Context, id int64) error {
	for _, s := range e.shards {
		var n uint64
		if err := s.conn.QueryRow(ctx, `SELECT count() FROM `+e.db()+`.events_local WHERE file_id = ?`, id).Scan(&n); err != nil {
			return e.internal("recover", err)
		}
		if n == 0 {
			continue
		}
		if err := s.conn.Exec(ctx, fmt.Sprintf(`ALTER TABLE %s.events_local DELETE WHERE file_id = %d`, e.db(), id)); err != nil {
			return e.internal("recover", err)
		}
		for {
			var left uint64
			if err := s.conn.QueryRow(ctx, `SELECT count() FROM system.mutations WHERE database = ? AND table = 'events_local' AND is_done = 0`, e.cfg.Database).Scan(&left); err != nil {
				return e.internal("recover", err)
			}
			if left == 0 {
				break
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(200 * time.Millisecond):
			}
		}
	}
	return nil
}

func (e *Engine) dropStage(ctx context.Context, id int64) {
	ctx = context.WithoutCancel(ctx)
	name := stageName(id)
	if e.cluster != "" {
		e.conn.Exec(ctx, fmt.Sprintf("DROP TABLE IF EXISTS %s.%s_all", e.db(), name))
	}
	for _, s := range e.shards {
		s.conn.Exec(ctx, fmt.Sprintf("DROP TABLE IF EXISTS %s.%s", e.db(), name))
	}
}

// insertBlock is the number of rows sent per INSERT block.
const insertBlock = 1 << 20

// Load implements events.Engine.
func (e *Engine) Load(ctx context.Context, src events.Source) (*events.FileRecord, error) {
	cb := src.Codebook()
	id := newID()
	name := stageName(id)
	if err := e.logStatus(ctx, id, "started", src.Record()); err != nil {
		return nil, err
	}
	attached := false
	defer func() {
		if !attached {
			e.dropStage(ctx, id)
		}
	}()
	for _, s := range e.shards {
		if err := s.conn.Exec(ctx, e.localDDL(name)); err != nil {
			return nil, e.internal("create staging table", err)
		}
	}
	target := e.db() + "." + name
	if e.cluster != "" {
		if err := e.conn.Exec(ctx, e.distributedDDL(name+"_all", name)); err != nil {
			return nil, e.internal("create staging table", err)
		}
		target += "_all"
	}
	ictx := ch.Context(ctx, ch.WithSettings(ch.Settings{e.feat.ForegroundInsert: 1}))
	insert := `INSERT INTO ` + target + ` (file_id, event_id, day, month, ccode1, ccode2, cameo, root, goldstein10, synthetic)`
	var (
		batch driver.Batch
		rows  int
		cols  = newColumns()
	)
	flush := func() error {
		if batch == nil {
			return nil
		}
		err := batch.Send()
		batch, rows = nil, 0
		return e.internal("insert", err)
	}
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		b, err := src.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if batch != nil {
				batch.Abort()
			}
			return nil, err
		}
		if batch == nil {
			if batch, err = e.conn.PrepareBatch(ictx, insert); err != nil {
				return nil, e.internal("insert", err)
			}
		}
		cols.fill(id, b, cb)
		if err := cols.append(batch); err != nil {
			batch.Abort()
			return nil, e.internal("insert", err)
		}
		if rows += b.N; rows >= insertBlock {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	rec := src.Record()
	dups, err := e.files(ctx, "AND content_sha256 = ?", rec.ContentSHA256)
	if err != nil {
		return nil, err
	}
	if len(dups) > 0 {
		rec.Status, rec.DuplicateOf = "duplicate", dups[0].ID
		e.logStatus(ctx, id, "aborted", rec)
		return rec, nil
	}
	// Attach the staged parts, shard by shard and partition by partition.
	if err := e.logStatus(ctx, id, "attaching", rec); err != nil {
		return nil, err
	}
	attached = true
	actx := context.WithoutCancel(ctx) // a started attach is finished or undone, not abandoned
	for _, s := range e.shards {
		parts, err := partitions(actx, s.conn, e.cfg.Database, name)
		if err == nil {
			for _, p := range parts {
				if err = s.conn.Exec(actx, fmt.Sprintf("ALTER TABLE %s.events_local ATTACH PARTITION %s FROM %s.%s", e.db(), p, e.db(), name)); err != nil {
					break
				}
			}
		}
		if err != nil {
			err = e.internal("attach", err)
			if derr := e.deleteFile(actx, id); derr == nil {
				e.logStatus(actx, id, "aborted", rec)
			}
			e.dropStage(actx, id)
			return nil, err
		}
	}
	rec.ID, rec.Status = id, "done"
	if err := e.logStatus(actx, id, "done", rec); err != nil {
		return nil, err
	}
	e.dropStage(actx, id)
	return rec, nil
}

func partitions(ctx context.Context, c driver.Conn, db, table string) ([]string, error) {
	rows, err := c.Query(ctx, `SELECT DISTINCT partition FROM system.parts WHERE database = ? AND table = ? AND active`, db, table)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return nil, err
		}
		if _, err := strconv.Atoi(p); err != nil {
			return nil, fmt.Errorf("unexpected partition %q", p)
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// columns are a batch's events as the ClickHouse column types want them.
type columns struct {
	file, id []int64
	day      []int32
	month    []uint32
	a, b     []uint16
	cameo    []string
	root     []uint8
	gold     []int8
	synth    []uint8
}

func newColumns() *columns { return &columns{} }

func (c *columns) fill(file int64, b *events.Batch, cb *events.Codebook) {
	n := b.N
	c.file, c.id, c.day, c.month = c.file[:0], c.id[:0], c.day[:0], c.month[:0]
	c.a, c.b, c.cameo, c.root, c.gold, c.synth = c.a[:0], c.b[:0], c.cameo[:0], c.root[:0], c.gold[:0], c.synth[:0]
	for i := 0; i < n; i++ {
		c.file = append(c.file, file)
		m := int(b.Month[i])
		c.month = append(c.month, uint32((1800+m/12)*100+m%12+1))
		c.a = append(c.a, uint16(b.A[i]))
		c.b = append(c.b, uint16(b.B[i]))
		c.cameo = append(c.cameo, cb.Codes[b.Code[i]].Code)
		var s uint8
		if b.Synthetic[i] {
			s = 1
		}
		c.synth = append(c.synth, s)
	}
	c.id = append(c.id, b.EventID[:n]...)
	c.day = append(c.day, b.Day[:n]...)
	c.root = append(c.root, b.Root[:n]...)
	c.gold = append(c.gold, b.Gold10[:n]...)
}

func (c *columns) append(b driver.Batch) error {
	for i, v := range []any{c.file, c.id, c.day, c.month, c.a, c.b, c.cameo, c.root, c.gold, c.synth} {
		if err := b.Column(i).Append(v); err != nil {
			return err
		}
	}
	return nil
}

// Aggregate implements events.Engine. Each dyad lives on one shard, so
// shards aggregate their own dyads and the entry node only sorts
// (distributed_group_by_no_merge).
func (e *Engine) Aggregate(ctx context.Context, q events.Query, fn func(*events.Row) error) error {
	if err := q.Validate(); err != nil {
		return err
	}
	period := "day"
	switch q.By {
	case events.Month:
		period = "toInt32(month)"
	case events.Year:
		period = "toInt32(intDiv(month, 100))"
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "SELECT * FROM (SELECT ccode1, ccode2, %s AS period, toInt64(count()) AS n, toInt64(sum(goldstein10)) AS g10, toInt64(sum(synthetic)) AS syn", period)
	if q.Roots {
		for r := 1; r <= 20; r++ {
			fmt.Fprintf(&sb, ", toInt64(countIf(root = %d)) AS r%d", r, r)
		}
	} else {
		sb.WriteString(", toInt64(countIf(root <= 5)) AS q1, toInt64(countIf(root >= 6 AND root <= 8)) AS q2, toInt64(countIf(root >= 9 AND root <= 13)) AS q3, toInt64(countIf(root >= 14)) AS q4")
	}
	where := q.Where(func(t time.Time) string { return strconv.Itoa(int(events.DayNumber(t))) })
	fmt.Fprintf(&sb, " FROM %s WHERE %s GROUP BY ccode1, ccode2, period) ORDER BY ccode1, ccode2, period", e.table(), where)
	qctx := ctx
	if e.cluster != "" {
		qctx = ch.Context(ctx, ch.WithSettings(ch.Settings{"distributed_group_by_no_merge": 1}))
	}
	rows, err := e.conn.Query(qctx, sb.String())
	if err != nil {
		return e.internal("aggregate", err)
	}
	defer rows.Close()
	var r events.Row
	var a, b uint16
	var p int32
	dest := []any{&a, &b, &p, &r.Events, &r.Gold10, &r.Synthetic}
	if q.Roots {
		for i := range r.Root {
			dest = append(dest, &r.Root[i])
		}
	} else {
		for i := range r.Quad {
			dest = append(dest, &r.Quad[i])
		}
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return e.internal("aggregate", err)
		}
		r.Dyad = bloc.Dyad{A: bloc.CCode(a), B: bloc.CCode(b)}
		switch q.By {
		case events.Day:
			r.Period = events.DayTime(p)
		case events.Month:
			r.Period = time.Date(int(p)/100, time.Month(p%100), 1, 0, 0, 0, 0, time.UTC)
		case events.Year:
			r.Period = time.Date(int(p), 1, 1, 0, 0, 0, 0, time.UTC)
		}
		if q.Roots {
			r.Quad = [4]int64{}
			for i, n := range r.Root {
				r.Quad[events.QuadOfRoot(i+1)-1] += n
			}
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	return e.internal("aggregate", rows.Err())
}

// Status implements events.Engine.
func (e *Engine) Status(ctx context.Context) (*events.Status, error) {
	st := &events.Status{Engine: "clickhouse", Location: e.cfg.Redacted, Version: e.version.String(), Shards: len(e.shards)}
	var n, syn uint64
	var lo, hi int32
	if err := e.conn.QueryRow(ctx, `SELECT count(), sum(synthetic), min(day), max(day) FROM `+e.table()).Scan(&n, &syn, &lo, &hi); err != nil {
		return nil, e.internal("status", err)
	}
	st.Events, st.Synthetic = int64(n), int64(syn)
	if n > 0 {
		st.From, st.To = events.DayTime(lo), events.DayTime(hi)
	}
	var dy uint64
	if err := e.conn.QueryRow(ctx, `SELECT count() FROM (SELECT DISTINCT ccode1, ccode2 FROM `+e.table()+` WHERE ccode1 <> ccode2)`).Scan(&dy); err != nil {
		return nil, e.internal("status", err)
	}
	st.Dyads = int64(dy)
	files, err := e.files(ctx, "")
	if err != nil {
		return nil, err
	}
	st.Files = files
	if e.cluster != "" {
		st.Notes = append(st.Notes, fmt.Sprintf("cluster %s: %d shards, Distributed table sharded by %s", e.cluster, len(e.shards), shardingKey))
		for _, s := range e.shards {
			var c uint64
			if err := s.conn.QueryRow(ctx, `SELECT count() FROM `+e.db()+`.events_local`).Scan(&c); err == nil {
				st.Notes = append(st.Notes, fmt.Sprintf("shard %d (%s): %d events", s.num, s.addr, c))
			}
		}
	} else {
		st.Notes = append(st.Notes, "one server, no Distributed table")
	}
	return st, nil
}
