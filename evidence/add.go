package evidence

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/bloc-project/bloc"
)

// Append adds it to the ledger file at path. The whole resulting ledger is
// parsed and checked (hyps, resolve) first; only if it has no problem is the
// file replaced, atomically (a temporary file in the same directory, synced,
// then renamed over it). On any problem nothing is written and the error
// names the item. YAML ledgers get the item's text appended after the last
// item, so comments and layout are kept; JSON ledgers are rewritten as JSON.
func Append(path string, it Item, hyps []string, resolve Resolver) error {
	old, err := os.ReadFile(path)
	if err != nil {
		return &bloc.Error{Code: bloc.ENOTFOUND, Op: "ledger", Message: fmt.Sprintf("cannot read the evidence ledger %s", path), Err: err,
			Hints: []string{"start a ledger with a header: schema: 1, id:, title:, dyad: {a: , b: }, period: {from: , to: }, items: [] (docs/evidence-ledger.md)"}}
	}
	name := filepath.Base(path)
	if _, err := Parse(name, old); err != nil {
		return &bloc.Error{Code: bloc.EINVALID, Op: "ledger", Message: fmt.Sprintf("the ledger %s has problems; fix them before adding to it", name), Err: err}
	}
	out, err := appendItem(old, it)
	if err != nil {
		return err
	}
	l, err := Parse(name, out)
	if err != nil {
		return err
	}
	if err := l.Check(hyps, resolve); err != nil {
		return err
	}
	return writeAtomic(path, out)
}

// appendItem returns the ledger's bytes with the item added.
func appendItem(old []byte, it Item) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(old, &doc); err != nil || len(doc.Content) == 0 {
		return nil, bloc.Errorf(bloc.EINVALID, "the ledger is not valid YAML or JSON")
	}
	root := doc.Content[0]
	var items *yaml.Node
	last := false
	for k := 0; k+1 < len(root.Content); k += 2 {
		if root.Content[k].Value == "items" {
			items = root.Content[k+1]
			last = k+2 == len(root.Content)
		}
	}
	if items == nil || items.Kind != yaml.SequenceNode {
		return nil, bloc.Errorf(bloc.EINVALID, "the ledger has no items list to add to")
	}
	node := ItemNode(it)
	if json.Valid(old) {
		items.Content = append(items.Content, node)
		var b bytes.Buffer
		writeJSON(&b, root, "")
		b.WriteByte('\n')
		return b.Bytes(), nil
	}
	if last && items.Style&yaml.FlowStyle == 0 && len(items.Content) > 0 {
		dash := items.Content[0].Column - 3
		if dash < 0 {
			dash = 0
		}
		text, err := encodeNode(node)
		if err != nil {
			return nil, err
		}
		var b bytes.Buffer
		b.Write(old)
		if len(old) > 0 && old[len(old)-1] != '\n' {
			b.WriteByte('\n')
		}
		pad := strings.Repeat(" ", dash)
		for k, line := range strings.Split(strings.TrimRight(string(text), "\n"), "\n") {
			if k == 0 {
				b.WriteString(pad + "- " + line + "\n")
			} else {
				b.WriteString(pad + "  " + line + "\n")
			}
		}
		return b.Bytes(), nil
	}
	items.Style = 0
	items.Content = append(items.Content, node)
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, bloc.Errorf(bloc.EINTERNAL, "encoding the ledger: %v", err)
	}
	return b.Bytes(), nil
}

func encodeNode(n *yaml.Node) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
		return nil, bloc.Errorf(bloc.EINTERNAL, "encoding the item: %v", err)
	}
	enc.Close()
	return b.Bytes(), nil
}

func scalar(v string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.ScalarNode, Value: v, Tag: "!!str"}
	// Dates and ids that look like numbers stay strings.
	if _, err := strconv.ParseFloat(v, 64); err == nil {
		n.Style = yaml.DoubleQuotedStyle
	}
	return n
}

func number(v float64) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Value: strconv.FormatFloat(v, 'g', -1, 64), Tag: "!!float"}
}

// ItemNode returns the item as a YAML mapping in the documented field order.
func ItemNode(it Item) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	add := func(k string, v *yaml.Node) { m.Content = append(m.Content, scalar(k), v) }
	str := func(k, v string) {
		if v != "" {
			add(k, scalar(v))
		}
	}
	str("id", it.ID)
	str("kind", it.Kind)
	str("actor", it.Actor)
	str("target", it.Target)
	str("date", it.Date)
	str("until", it.Until)
	str("quote", it.Quote)
	str("description", it.Description)
	src := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, kv := range [][2]string{{"citation", it.Source.Citation}, {"title", it.Source.Title}, {"url", it.Source.URL},
		{"accessed", it.Source.Accessed}, {"cited_by", it.Source.CitedBy}} {
		if kv[1] != "" {
			src.Content = append(src.Content, scalar(kv[0]), scalar(kv[1]))
		}
	}
	add("source", src)
	str("status", it.Status)
	if !it.Observed {
		add("observed", &yaml.Node{Kind: yaml.ScalarNode, Value: "false", Tag: "!!bool"})
	}
	str("group", it.Group)
	lk := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	for _, l := range it.Likelihoods {
		var v *yaml.Node
		switch {
		case l.Test == "":
			v = number(l.P)
		case l.Against:
			v = &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle, Content: []*yaml.Node{
				scalar("test"), scalar(string(l.Test)), scalar("against"), {Kind: yaml.ScalarNode, Value: "true", Tag: "!!bool"}}}
		default:
			v = scalar(string(l.Test))
		}
		lk.Content = append(lk.Content, scalar(l.Hypothesis), v)
	}
	add("likelihoods", lk)
	if it.Otherwise > 0 {
		add("otherwise", number(it.Otherwise))
	}
	str("rationale", it.Rationale)
	str("note", it.Note)
	return m
}

// writeJSON writes a YAML node tree as indented JSON, keeping key order.
func writeJSON(b *bytes.Buffer, n *yaml.Node, indent string) {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) > 0 {
			writeJSON(b, n.Content[0], indent)
		}
	case yaml.MappingNode:
		if len(n.Content) == 0 {
			b.WriteString("{}")
			return
		}
		b.WriteString("{\n")
		for k := 0; k+1 < len(n.Content); k += 2 {
			b.WriteString(indent + "  ")
			key, _ := json.Marshal(n.Content[k].Value)
			b.Write(key)
			b.WriteString(": ")
			writeJSON(b, n.Content[k+1], indent+"  ")
			if k+2 < len(n.Content) {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "}")
	case yaml.SequenceNode:
		if len(n.Content) == 0 {
			b.WriteString("[]")
			return
		}
		b.WriteString("[\n")
		for k, c := range n.Content {
			b.WriteString(indent + "  ")
			writeJSON(b, c, indent+"  ")
			if k+1 < len(n.Content) {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		b.WriteString(indent + "]")
	case yaml.AliasNode:
		writeJSON(b, n.Alias, indent)
	default:
		switch n.ShortTag() {
		case "!!int", "!!float", "!!bool", "!!null":
			if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 {
				b.WriteString(n.Value)
				return
			}
		}
		v, _ := json.Marshal(n.Value)
		b.Write(v)
	}
}

// writeAtomic replaces path with data: a temporary file in the same
// directory is written, synced and renamed over path.
func writeAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	mode := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return &bloc.Error{Code: bloc.EINTERNAL, Op: "ledger", Message: "cannot write beside " + path, Err: err}
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return &bloc.Error{Code: bloc.EINTERNAL, Op: "ledger", Message: "cannot write " + path, Err: err}
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(mode); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return &bloc.Error{Code: bloc.EINTERNAL, Op: "ledger", Message: "cannot write " + path, Err: err}
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return &bloc.Error{Code: bloc.EINTERNAL, Op: "ledger", Message: "cannot replace " + path, Err: err}
	}
	return nil
}
