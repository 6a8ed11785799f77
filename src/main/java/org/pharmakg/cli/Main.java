package org.pharmakg.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.pharmakg.PharmakgException;
import org.pharmakg.ingest.IngestException;
import org.pharmakg.nlp.NlpException;
import org.pharmakg.store.StoreException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code pharmakg} command: wires the stages; the only place that reads options and paths.
 *
 * <pre>java -cp … org.pharmakg.cli.Main build data/</pre>
 *
 * Exit codes: 0 done, 1 the work failed, 2 usage error, 3 environment problem (store in use,
 * models missing, port taken). Stack traces only with {@code --verbose}.
 */
@Command(name = "pharmakg", mixinStandardHelpOptions = true, version = "pharmakg 0.1.0",
        description = "Builds a knowledge graph of biotech and pharma press releases and serves it over SPARQL.",
        subcommands = {BuildCommand.class, ServeCommand.class, UpCommand.class, QueryCommand.class, ExportCommand.class,
                ValidateCommand.class, StatsCommand.class, PushCommand.class, EvaluateCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 done, 1 the work failed, 2 usage error, 3 environment problem (store in use, models missing, port taken)."})
public final class Main implements Runnable {
    public static final int OK = 0, FAILED = 1, USAGE = 2, ENVIRONMENT = 3;

    @Option(names = {"-v", "--verbose"}, description = "Debug logging and stack traces.", scope = CommandLine.ScopeType.INHERIT)
    void verbose(boolean v) {
        verbose = v;
        if (v) ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.DEBUG);
    }

    static boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
        throw new CommandLine.ParameterException(spec.commandLine(), "give a command, e.g. `pharmakg up`");
    }

    public static void main(String[] args) {
        CheckedOutput.processStdout = true;
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        addSparkBuild(cl);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            int code = codeOf(ex);
            if (ex instanceof PharmakgException) {
                line.getErr().println("pharmakg: " + ex.getMessage());
            } else {
                line.getErr().println("pharmakg: unexpected error: " + ex);
            }
            if (verbose) ex.printStackTrace(line.getErr());
            else if (!(ex instanceof PharmakgException)) line.getErr().println("(run with --verbose for the stack trace)");
            return code;
        });
        int code = cl.execute(args);
        // what went to standard output through a PrintStream (summaries, tables, help) is checked here, at the end
        cl.getOut().flush();
        if (System.out.checkError() || cl.getOut().checkError()) {
            System.err.println("pharmakg: cannot write " + CheckedOutput.STDOUT + ": write error (the disk is full or the reader has gone)");
            if (code == OK) code = FAILED;
        }
        return code;
    }

    /**
     * Adds {@code spark-build} when Spark is on the class path (the spark profile's classes, run by bin/pharmakg with
     * target/classpath-spark.txt or by spark-submit); build and serve run without Spark.
     */
    private static void addSparkBuild(CommandLine cl) {
        try {
            Class.forName("org.apache.spark.SparkConf", false, Main.class.getClassLoader());
            Class<?> c = Class.forName("org.pharmakg.spark.SparkBuildCommand");
            cl.addSubcommand("spark-build", c.getDeclaredConstructor().newInstance());
        } catch (ReflectiveOperationException | LinkageError e) {
            // no Spark here: the command is not offered
        }
    }

    static int codeOf(Throwable ex) {
        if (ex instanceof StoreException se) return se.environment() ? ENVIRONMENT : FAILED;
        if (ex instanceof NlpException) return ENVIRONMENT;
        if (ex instanceof EnvironmentException) return ENVIRONMENT;
        if (ex instanceof UsageException) return USAGE;
        if (ex instanceof IngestException || ex instanceof PharmakgException) return FAILED;
        return FAILED;
    }

    /** The machine, not the input, is the problem (port taken, folder missing). */
    static final class EnvironmentException extends PharmakgException {
        EnvironmentException(String m) { super(m); }
    }

    /** The command line asks for something that cannot be (unknown query parameter, bad format). */
    static final class UsageException extends PharmakgException {
        UsageException(String m) { super(m); }
    }
}
