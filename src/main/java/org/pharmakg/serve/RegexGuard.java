package org.pharmakg.serve;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.expr.E_Exists;
import org.apache.jena.sparql.expr.E_NotExists;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.RegexEngine;
import org.apache.jena.sparql.expr.nodevalue.NodeValueOps;

/**
 * REGEX and REPLACE that the query timeout can stop inside one evaluation. ARQ checks its timeout between rows, so
 * one catastrophic pattern ({@code REGEX("xxxxxxxxxxxxxxxxxxxxxxxxxx!", "((x*)*)*y")}) ran for many seconds past it.
 * Here the matcher reads its input through a {@link CharSequence} that checks the deadline every few thousand
 * characters and stops the query ({@link QueryCancelledException}, HTTP 503); patterns longer than
 * {@value #MAX_PATTERN} characters and inputs longer than {@value #MAX_INPUT} characters are refused
 * ({@link LimitException}, HTTP 400). The replacement is made by the algebra optimizer, so it covers every query
 * run on the dataset.
 *
 * <pre>
 * dsg.getContext().set(ARQConstants.sysOptimizerFactory, RegexGuard.optimizer(Optimize.stdOptimizationFactory));
 * RegexGuard.withDeadline(System.nanoTime() + timeoutNanos, () -&gt; ... run the query ...);
 * </pre>
 */
final class RegexGuard {
    static final int MAX_PATTERN = 1_000;
    static final int MAX_INPUT = 1 << 20;
    /** Without a deadline set (queries that do not come through the endpoint), one evaluation gets this long. */
    private static final long DEFAULT_NANOS = 10_000_000_000L;
    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private RegexGuard() {}

    /** A limit of the server refused the query: HTTP 400 with the message. */
    static final class LimitException extends QueryExecException {
        LimitException(String message) { super(message); }
    }

    /** Runs {@code r} with REGEX and REPLACE stopped at {@code deadlineNanos} (System.nanoTime). */
    static <T> T withDeadline(long deadlineNanos, java.util.function.Supplier<T> r) {
        Long before = DEADLINE.get();
        DEADLINE.set(deadlineNanos);
        try {
            return r.get();
        } finally {
            if (before == null) DEADLINE.remove();
            else DEADLINE.set(before);
        }
    }

    /** An optimizer that first swaps REGEX and REPLACE for the guarded ones, then runs {@code std}. */
    static RewriteFactory optimizer(RewriteFactory std) {
        return context -> op -> std.create(context).rewrite(guard(op));
    }

    static Op guard(Op op) {
        return Transformer.transform(new org.apache.jena.sparql.algebra.TransformCopy(), new Swap(), op);
    }

    private static final class Swap extends ExprTransformCopy {
        @Override
        public Expr transform(ExprFunctionN func, ExprList args) {
            if (func instanceof E_Regex && !(func instanceof Regex)) {
                checkPattern(args.get(1));
                return new Regex(args.get(0), args.get(1), args.size() > 2 ? args.get(2) : null);
            }
            if (func instanceof E_StrReplace && !(func instanceof Replace)) {
                checkPattern(args.get(1));
                return new Replace(args.get(0), args.get(1), args.get(2), args.size() > 3 ? args.get(3) : null);
            }
            return super.transform(func, args);
        }

        @Override
        public Expr transform(ExprFunctionOp funcOp, ExprList args, Op opArg) {
            // the pattern of FILTER (NOT) EXISTS is run as it is, not through the optimizer: guard it here
            if (funcOp instanceof E_NotExists) return new E_NotExists(guard(opArg));
            if (funcOp instanceof E_Exists) return new E_Exists(guard(opArg));
            return super.transform(funcOp, args, opArg);
        }

        private static void checkPattern(Expr pattern) {
            if (pattern.isConstant() && pattern.getConstant().isString()) RegexGuard.checkPattern(pattern.getConstant().getString());
        }
    }

    static void checkPattern(String pattern) {
        if (pattern.length() > MAX_PATTERN) {
            throw new LimitException("a regular expression longer than " + MAX_PATTERN + " characters is refused");
        }
    }

    static String checkInput(String s) {
        if (s.length() > MAX_INPUT) {
            throw new LimitException("REGEX/REPLACE on a string longer than " + MAX_INPUT + " characters is refused");
        }
        return s;
    }

    /** The characters of a string; reading them after the deadline stops the query. */
    static final class DeadlineChars implements CharSequence {
        private final String s;
        private final long deadline;
        private int reads;

        DeadlineChars(String s, long deadline) {
            this.s = s;
            this.deadline = deadline;
        }

        static DeadlineChars of(String s) {
            Long d = DEADLINE.get();
            return new DeadlineChars(checkInput(s), d != null ? d : System.nanoTime() + DEFAULT_NANOS);
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0 && System.nanoTime() - deadline > 0) {
                throw new QueryCancelledException();
            }
            return s.charAt(index);
        }

        @Override public int length() { return s.length(); }

        @Override public CharSequence subSequence(int start, int end) { return new DeadlineChars(s.substring(start, end), deadline); }

        @Override public String toString() { return s; }
    }

    /** REGEX over {@link DeadlineChars}. */
    static final class Regex extends E_Regex {
        Regex(Expr expr, Expr pattern, Expr flags) { super(expr, pattern, flags); }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            Node arg = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(0));
            String pattern = NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(1)).getLiteralLexicalForm();
            String flags = args.size() > 2 && args.get(2) != null
                    ? NodeValueOps.checkAndGetStringLiteral("REGEX", args.get(2)).getLiteralLexicalForm() : null;
            checkPattern(pattern);
            if (flags != null && !flags.matches("[smixq]*")) {
                throw new org.apache.jena.sparql.expr.ExprEvalException("REGEX: only 'smixq' are legal as pattern flags");
            }
            Pattern p = RegexEngine.makePattern("REGEX", pattern, flags);
            return NodeValue.booleanReturn(find(p.matcher(DeadlineChars.of(arg.getLiteralLexicalForm()))));
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Regex(newArgs.get(0), newArgs.get(1), newArgs.size() > 2 ? newArgs.get(2) : null);
        }
    }

    /** REPLACE over {@link DeadlineChars}. */
    static final class Replace extends E_StrReplace {
        Replace(Expr expr, Expr pattern, Expr replacement, Expr flags) { super(expr, pattern, replacement, flags); }

        @Override
        public NodeValue eval(List<NodeValue> args) {
            String s = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(0)).getLiteralLexicalForm();
            String pattern = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(1)).getLiteralLexicalForm();
            String flags = args.size() > 3 && args.get(3) != null
                    ? NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(3)).getLiteralLexicalForm() : null;
            checkPattern(pattern);
            checkInput(s);
            Pattern p = RegexEngine.makePattern("REPLACE", pattern, flags);
            String rep = NodeValueOps.checkAndGetStringLiteral("REPLACE", args.get(2)).getLiteralLexicalForm();
            // as ARQ's replaceAll (one empty match at most), reading the input through the deadline
            Matcher m = p.matcher(DeadlineChars.of(s));
            StringBuilder sb = null;
            try {
                while (m.find()) {
                    if (sb == null) sb = new StringBuilder();
                    else if (m.start() == m.end()) continue;
                    m.appendReplacement(sb, rep);
                }
            } catch (StackOverflowError e) {
                throw new LimitException("the regular expression is too complex for this input");
            } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
                throw new org.apache.jena.sparql.expr.ExprEvalException("REPLACE: " + e.getMessage());
            }
            if (sb == null) return args.get(0);
            m.appendTail(sb);
            String x = sb.toString();
            if (x.equals(s)) return args.get(0);
            Node n = args.get(0).asNode();
            return NodeValue.makeNode(org.apache.jena.graph.NodeFactory.createLiteral(x, n.getLiteralLanguage(), n.getLiteralDatatype()));
        }

        @Override
        public Expr copy(ExprList newArgs) {
            return new Replace(newArgs.get(0), newArgs.get(1), newArgs.get(2), newArgs.size() > 3 ? newArgs.get(3) : null);
        }
    }

    private static boolean find(Matcher m) {
        try {
            return m.find();
        } catch (StackOverflowError e) {
            throw new LimitException("the regular expression is too complex for this input");
        }
    }
}
