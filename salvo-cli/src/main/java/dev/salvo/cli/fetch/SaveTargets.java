package dev.salvo.cli.fetch;

import dev.salvo.cli.common.BadInputException;
import dev.salvo.client.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Where {@code salvo fetch -o FILE} / {@code -O DIR} put each body, checked before anything is sent:
 * {@code -o} takes one URL and replaces FILE (as {@code curl -o} does) once the body is whole; {@code -O}
 * needs an existing writable directory and never overwrites ({@link SavedNames}). A bad value is a
 * {@link BadInputException} naming the flag.
 */
final class SaveTargets {
    private SaveTargets() {
    }

    /** The file for each request's index; {@code file} or {@code dir} is null when not given, not both. */
    static IntFunction<Path> of(String file, String dir, List<Request> requests) {
        if (file != null && dir != null) {
            throw new BadInputException("-o FILE and -O DIR: give one of them");
        }
        if (file != null) {
            Path target = Path.of(file).toAbsolutePath().normalize();
            if (requests.size() != 1) {
                throw new BadInputException("-o FILE takes one URL, got " + requests.size() + ": use -O DIR for several");
            }
            if (Files.isDirectory(target)) {
                throw new BadInputException("-o " + file + " is a directory: use -O DIR to save into it");
            }
            writableDirectory("-o " + file + ": ", target.getParent());
            return index -> target;
        }
        Path directory = Path.of(dir).toAbsolutePath().normalize();
        writableDirectory("-O ", directory);
        SavedNames names = new SavedNames(directory);
        return index -> names.claim(requests.get(index).uri());
    }

    private static void writableDirectory(String flag, Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new BadInputException(flag + directory + " is not a directory" + (Files.exists(directory) ? "" : " (no such directory)"));
        }
        if (!Files.isWritable(directory)) {
            throw new BadInputException(flag + "cannot write in " + directory);
        }
    }
}
