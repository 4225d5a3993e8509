package dev.salvo.client;

import dev.salvo.client.spi.BodySink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes a body to a temporary file in the target's directory as it arrives and, once it is whole,
 * renames it over the target atomically; on any failure (or cancellation) the temporary file is
 * deleted, so the target is either the whole body or untouched. Each list of buffers is written with
 * one gathering write, on the thread that delivers the body (the page cache keeps that short); the
 * buffers are not used once {@code onNext} returns. Signals are serial.
 */
final class FileSubscriber extends WholeBodySubscriber<Path> implements BodySink {
    private final Path target;
    private Path temp;
    private FileChannel channel;

    FileSubscriber(Path target) {
        this.target = target;
    }

    @Override
    boolean start() {
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException | RuntimeException e) {
            fail("cannot create a temporary file beside " + target, e);
            return false;
        }
        return true;
    }

    @Override
    void take(List<ByteBuffer> buffers) {
        try {
            ByteBuffer[] all = buffers.toArray(ByteBuffer[]::new);
            for (int first = 0; first < all.length; ) { // one gathering write for the whole list, as a rule
                channel.write(all, first, all.length - first);
                while (first < all.length && !all[first].hasRemaining()) {
                    first++;
                }
            }
        } catch (IOException e) {
            fail("cannot write " + temp, e);
        }
    }

    @Override
    public void onError(Throwable failure) {
        discard();
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        if (body.isDone()) {
            return;
        }
        try {
            channel.close();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            body.complete(target);
        } catch (IOException e) {
            discard();
            body.completeExceptionally(new SalvoIOException("cannot move the body into " + target + ": " + e, e));
        }
    }

    /** Each list is written out (or counted) before {@code onNext} returns. */
    @Override
    public boolean borrows() {
        return true;
    }

    private void fail(String what, Exception cause) {
        discard();
        failAndCancel(new SalvoIOException(what + ": " + cause, cause));
    }

    /** Closes and deletes the temporary file; what cannot be deleted is left for the OS's temp cleanup. */
    private void discard() {
        try {
            if (channel != null) {
                channel.close();
            }
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException ignored) {
            // nothing more to do: the target was never touched
        }
    }
}
