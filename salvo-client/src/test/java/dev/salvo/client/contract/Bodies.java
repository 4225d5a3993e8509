package dev.salvo.client.contract;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/** Feeds a whole body to a subscriber, honouring its demand: for test transports that answer from memory. */
public final class Bodies {
    private Bodies() {
    }

    /** Delivers {@code body} in one piece once the subscriber asks for it, then completes. */
    public static void deliver(Flow.Subscriber<List<ByteBuffer>> subscriber, byte[] body) {
        subscriber.onSubscribe(new Flow.Subscription() {
            private boolean done;

            @Override
            public synchronized void request(long n) {
                if (done || n <= 0) {
                    return;
                }
                done = true;
                if (body.length > 0) {
                    subscriber.onNext(List.of(ByteBuffer.wrap(body.clone())));
                }
                subscriber.onComplete();
            }

            @Override
            public synchronized void cancel() {
                done = true;
            }
        });
    }
}
