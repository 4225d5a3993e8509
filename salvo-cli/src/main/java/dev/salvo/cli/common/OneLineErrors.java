package dev.salvo.cli.common;

import dev.salvo.client.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every error into one line on stderr, {@code Error: <message>}, never a stack trace (that
 * goes to the debug log, seen with {@code -v}). Bad flags and bad input exit with 2
 * ({@link CommandLine.ExitCode#USAGE}); anything else that escapes a command exits with 1.
 */
public final class OneLineErrors implements IParameterExceptionHandler, IExecutionExceptionHandler {
    /** Exit code for bad flags and bad input. */
    public static final int BAD_INPUT = CommandLine.ExitCode.USAGE;
    /** Exit code when the work itself failed. */
    public static final int FAILED = 1;

    private static final Logger log = LoggerFactory.getLogger(OneLineErrors.class);

    /** Installs both handlers on {@code commandLine} (and so on its subcommands). */
    public static CommandLine install(CommandLine commandLine) {
        OneLineErrors handler = new OneLineErrors();
        return commandLine.setParameterExceptionHandler(handler).setExecutionExceptionHandler(handler);
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        ex.getCommandLine().getErr().println("Error: " + ex.getMessage());
        ex.getCommandLine().getErr().flush();
        return BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        log.debug("{} failed", commandLine.getCommandName(), ex);
        if (ex instanceof ParameterException parameter) {
            return handleParseException(parameter, parseResult.originalArgs().toArray(String[]::new));
        }
        boolean badInput = ex instanceof BadInputException;
        boolean explained = badInput || ex instanceof CommandFailedException;
        commandLine.getErr().println("Error: " + (explained ? ex.getMessage() : describe(ex)));
        commandLine.getErr().flush();
        return badInput ? BAD_INPUT : FAILED;
    }

    /** A failure in one line: its type and message, unwrapped from future wrappers. */
    public static String describe(Throwable failure) {
        Throwable t = Outcome.unwrap(failure);
        String message = t.getMessage();
        String name = t.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : name + ": " + message.strip().replace('\n', ' ');
    }
}
