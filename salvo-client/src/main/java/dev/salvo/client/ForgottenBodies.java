package dev.salvo.client;

import java.lang.ref.Cleaner;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the body views a caller dropped without finishing (an {@link java.io.InputStream} never
 * closed, a {@link java.util.concurrent.Flow.Publisher} never subscribed to) and frees their exchange
 * with a warning, so the call's slot is given back. One daemon Cleaner thread for the whole client.
 */
final class ForgottenBodies {
    private static final Logger log = LoggerFactory.getLogger("dev.salvo.client");
    private static final Cleaner CLEANER = Cleaner.create(Thread.ofPlatform().name("salvo-body-cleaner").daemon()
            .factory());

    private ForgottenBodies() {
    }

    /**
     * Once {@code view} is unreachable, runs {@code abandon}; when it returns true (the view was still
     * open) logs {@code warning}. {@code abandon} must not refer to {@code view}.
     */
    static void watch(Object view, BooleanSupplier abandon, String warning) {
        CLEANER.register(view, () -> {
            if (abandon.getAsBoolean()) {
                log.warn(warning);
            }
        });
    }
}
