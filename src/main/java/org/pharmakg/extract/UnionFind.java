package org.pharmakg.extract;

import java.util.HashMap;
import java.util.Map;

/**
 * Disjoint sets over any keys, for grouping names that denote one thing.
 *
 * <pre>UnionFind&lt;String&gt; uf = new UnionFind&lt;&gt;(); uf.union("a", "b"); uf.find("b") // "a" or "b"</pre>
 */
public final class UnionFind<T> {
    private final Map<T, T> parent = new HashMap<>();

    public void add(T x) { parent.putIfAbsent(x, x); }

    public T find(T x) {
        add(x);
        T p = parent.get(x);
        if (p.equals(x)) return x;
        T root = find(p);
        parent.put(x, root);
        return root;
    }

    public void union(T a, T b) {
        T ra = find(a), rb = find(b);
        if (!ra.equals(rb)) parent.put(rb, ra);
    }
}
