package org.pharmakg.store;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.apache.jena.dboe.transaction.txn.Transaction;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Small in-memory views of a store that TDB2's indexes cannot answer quickly (a substring of any name,
 * the newest releases), for the property functions {@link NameSearch} and {@link LatestReleases}. A view
 * is computed once per store state and again after any write: the state is TDB2's data version as the
 * calling transaction sees it, so a view is never staler than the transaction it is used in. Outside a
 * TDB2 transaction nothing is cached.
 *
 * <pre>String[] keys = StoreViews.get(dsg, "name-keys", d -> readKeys(d));</pre>
 */
public final class StoreViews {
    private record Entry(Object stamp, Object value) {}

    private static final Map<DatasetGraph, Map<String, Entry>> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private StoreViews() {}

    /** The view {@code name} of the store beneath {@code dsg}, computed by {@code build} when not current. */
    @SuppressWarnings("unchecked")
    public static <T> T get(DatasetGraph dsg, String name, Function<DatasetGraph, T> build) {
        DatasetGraph base = unwrap(dsg);
        Object stamp = stamp(base);
        if (stamp == null) return build.apply(base);
        Map<String, Entry> views = CACHE.computeIfAbsent(base, d -> Collections.synchronizedMap(new HashMap<>()));
        Entry e = views.get(name);
        if (e != null && e.stamp.equals(stamp)) return (T) e.value;
        T value = build.apply(base);
        views.put(name, new Entry(stamp, value));
        return value;
    }

    /** The store beneath the wrappers the server puts around it (read-only, time limits). */
    private static DatasetGraph unwrap(DatasetGraph dsg) {
        DatasetGraph d = dsg;
        for (int i = 0; i < 10 && d instanceof DatasetGraphWrapper w; i++) d = w.getWrapped();
        return d;
    }

    /** The store state the calling transaction sees: the TDB2 database object and its data version; null if unknown. */
    private static Object stamp(DatasetGraph dsg) {
        // queries run on the database itself (DatasetGraphTDB); callers hold the switchable wrapper around it
        DatasetGraphTDB tdb = dsg instanceof DatasetGraphTDB d ? d : TDBInternal.isTDB2(dsg) ? TDBInternal.getDatasetGraphTDB(dsg) : null;
        if (tdb == null) return null;
        Transaction t = tdb.getTxnSystem().getThreadTransaction();
        if (t == null) return null;
        return List.of(System.identityHashCode(tdb), t.getDataVersion());
    }

    /** A row count argument: a number literal, else no limit. */
    static long count(Node n) {
        if (n == null || !n.isLiteral()) return Long.MAX_VALUE;
        try {
            return Math.max(0, Long.parseLong(n.getLiteralLexicalForm().strip()));
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * A property function's output row: {@code args} (variables or constants) against {@code values} (null:
     * leave unbound). Null when a constant, or a variable bound before, disagrees with its value.
     */
    static Binding row(Binding parent, List<Node> args, Node... values) {
        BindingBuilder b = Binding.builder(parent);
        for (int i = 0; i < args.size() && i < values.length; i++) {
            Node a = args.get(i), v = values[i];
            if (v == null) continue;
            if (a.isVariable()) {
                Node had = parent.get(Var.alloc(a));
                if (had == null) b.add(Var.alloc(a), v);
                else if (!had.sameValueAs(v)) return null;
            } else if (!a.sameValueAs(v)) {
                return null;
            }
        }
        return b.build();
    }
}
