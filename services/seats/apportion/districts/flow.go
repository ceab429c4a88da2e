package districts

// flow is a small Dinic maximum-flow graph with integer capacities.
type flow struct {
	head  []int
	to    []int
	cap   []int
	next  []int
	level []int
	iter  []int
}

func newFlow(n int) *flow {
	f := &flow{head: make([]int, n), level: make([]int, n), iter: make([]int, n)}
	for i := range f.head {
		f.head[i] = -1
	}
	return f
}

// edge adds u->v with capacity c and returns its index; the flow on it is
// later f.cap[index^1].
func (f *flow) edge(u, v, c int) int {
	f.to = append(f.to, v, u)
	f.cap = append(f.cap, c, 0)
	f.next = append(f.next, f.head[u], f.head[v])
	f.head[u] = len(f.to) - 2
	f.head[v] = len(f.to) - 1
	return len(f.to) - 2
}

func (f *flow) bfs(s, t int) bool {
	for i := range f.level {
		f.level[i] = -1
	}
	f.level[s] = 0
	q := []int{s}
	for len(q) > 0 {
		u := q[0]
		q = q[1:]
		for e := f.head[u]; e >= 0; e = f.next[e] {
			if f.cap[e] > 0 && f.level[f.to[e]] < 0 {
				f.level[f.to[e]] = f.level[u] + 1
				q = append(q, f.to[e])
			}
		}
	}
	return f.level[t] >= 0
}

func (f *flow) dfs(u, t, pushed int) int {
	if u == t {
		return pushed
	}
	for ; f.iter[u] >= 0; f.iter[u] = f.next[f.iter[u]] {
		e := f.iter[u]
		v := f.to[e]
		if f.cap[e] > 0 && f.level[v] == f.level[u]+1 {
			if d := f.dfs(v, t, min(pushed, f.cap[e])); d > 0 {
				f.cap[e] -= d
				f.cap[e^1] += d
				return d
			}
		}
	}
	return 0
}

func (f *flow) maxflow(s, t int) int {
	total := 0
	for f.bfs(s, t) {
		copy(f.iter, f.head)
		for {
			d := f.dfs(s, t, 1<<62)
			if d == 0 {
				break
			}
			total += d
		}
	}
	return total
}
