package httpapi

import (
	"container/list"
	"sync"
)

// lru is a cache bounded by the number of entries and the sum of their
// costs (bytes, years), least recently used out first. Get runs the load
// once for concurrent callers of a missing key (single flight); a failed
// load is not cached.
type lru[K comparable, V any] struct {
	mu       sync.Mutex
	maxItems int
	maxCost  int64
	cost     int64
	ll       *list.List
	items    map[K]*list.Element
	flights  map[K]*flight[V]
	hits     int64
	misses   int64
}

type entry[K comparable, V any] struct {
	key  K
	val  V
	cost int64
}

type flight[V any] struct {
	wg  sync.WaitGroup
	val V
	err error
}

func newLRU[K comparable, V any](maxItems int, maxCost int64) *lru[K, V] {
	return &lru[K, V]{maxItems: maxItems, maxCost: maxCost, ll: list.New(), items: map[K]*list.Element{}, flights: map[K]*flight[V]{}}
}

// Get returns the cached value of key, or loads it with load, which
// returns the value and its cost.
func (c *lru[K, V]) Get(key K, load func() (V, int64, error)) (V, error) {
	c.mu.Lock()
	if el, ok := c.items[key]; ok {
		c.ll.MoveToFront(el)
		c.hits++
		v := el.Value.(*entry[K, V]).val
		c.mu.Unlock()
		return v, nil
	}
	if f, ok := c.flights[key]; ok {
		c.mu.Unlock()
		f.wg.Wait()
		return f.val, f.err
	}
	c.misses++
	f := &flight[V]{}
	f.wg.Add(1)
	c.flights[key] = f
	c.mu.Unlock()

	var cost int64
	func() {
		// A panicking load must not leave the waiters blocked.
		defer func() {
			if r := recover(); r != nil {
				f.err = panicError{r}
			}
		}()
		f.val, cost, f.err = load()
	}()

	c.mu.Lock()
	delete(c.flights, key)
	if f.err == nil {
		c.add(key, f.val, cost)
	}
	c.mu.Unlock()
	f.wg.Done()
	return f.val, f.err
}

func (c *lru[K, V]) add(key K, val V, cost int64) {
	if c.maxCost > 0 && cost > c.maxCost {
		return // larger than the whole cache: serve it, keep nothing
	}
	c.items[key] = c.ll.PushFront(&entry[K, V]{key, val, cost})
	c.cost += cost
	for c.ll.Len() > c.maxItems || (c.maxCost > 0 && c.cost > c.maxCost) {
		el := c.ll.Back()
		e := el.Value.(*entry[K, V])
		c.ll.Remove(el)
		delete(c.items, e.key)
		c.cost -= e.cost
	}
}

// Stats returns the entries, their total cost, and the hits and misses.
func (c *lru[K, V]) Stats() (items int, cost, hits, misses int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.ll.Len(), c.cost, c.hits, c.misses
}

// panicError carries a panic out of a cache load.
type panicError struct{ v any }

func (p panicError) Error() string { return "panic in a cache load" }
