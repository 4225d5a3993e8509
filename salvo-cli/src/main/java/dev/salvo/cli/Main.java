package dev.salvo.cli;

import dev.salvo.cli.batches.BatchesCommand;
import dev.salvo.cli.bench.BenchCommand;
import dev.salvo.cli.common.OneLineErrors;
import dev.salvo.cli.common.Verbosity;
import dev.salvo.cli.demo.DemoCommand;
import dev.salvo.cli.fetch.FetchCommand;
import dev.salvo.cli.isbn.IsbnCommand;
import dev.salvo.cli.search.SearchCommand;
import dev.salvo.cli.serve.ServeCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code salvo} command. Every subcommand is registered here, and only here. */
@Command(name = "salvo", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {"Concurrent HTTP for Java, and the seed experiments replayed offline.",
            "Start with: salvo demo"},
        subcommands = {
            DemoCommand.class,
            FetchCommand.class,
            BatchesCommand.class,
            IsbnCommand.class,
            SearchCommand.class,
            ServeCommand.class,
            BenchCommand.class,
        })
public final class Main implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Verbosity verbosity;

    public static void main(String[] args) {
        Verbosity.configureLogging(Arrays.asList(args));
        PrintWriter out = new PrintWriter(System.out, true, System.out.charset());
        PrintWriter err = new PrintWriter(System.err, true, System.err.charset());
        System.exit(run(args, out, err));
    }

    /** Runs the command line {@code args}, printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // @FILE is fetch's -d @FILE (a body), never picocli's argument file
        CommandLine commandLine = new CommandLine(new Main()).setOut(out).setErr(err).setExpandAtFiles(false);
        return OneLineErrors.install(commandLine).execute(args);
    }

    /** {@code salvo} alone: the usage, on stderr, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return OneLineErrors.BAD_INPUT;
    }

    /** The version from the build. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties properties = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
                }
            }
            return new String[] {"salvo " + properties.getProperty("version", "unknown"),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}
