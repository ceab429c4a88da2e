package apportion

// keyHeap is a binary heap of (priority, participant) pairs. With max set it
// pops the highest priority first, otherwise the lowest; equal priorities pop
// the lowest participant index first so every run is deterministic.
type keyHeap struct {
	items []heapItem
	max   bool
}

type heapItem struct {
	k key
	i int
}

func (h *keyHeap) before(a, b heapItem) bool {
	c := cmpKey(a.k, b.k)
	if c != 0 {
		return (c > 0) == h.max
	}
	return a.i < b.i
}

func (h *keyHeap) len() int { return len(h.items) }

func (h *keyHeap) init() {
	for i := len(h.items)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

// replaceTop overwrites the root and restores the heap (cheaper than pop+push).
func (h *keyHeap) replaceTop(it heapItem) {
	h.items[0] = it
	h.down(0)
}

func (h *keyHeap) pop() heapItem {
	top := h.items[0]
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	if last > 0 {
		h.down(0)
	}
	return top
}

func (h *keyHeap) down(i int) {
	n := len(h.items)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && h.before(h.items[r], h.items[l]) {
			m = r
		}
		if !h.before(h.items[m], h.items[i]) {
			return
		}
		h.items[i], h.items[m] = h.items[m], h.items[i]
		i = m
	}
}
