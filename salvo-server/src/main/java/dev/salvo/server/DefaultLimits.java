package dev.salvo.server;

import java.lang.management.ManagementFactory;

/** Defaults that depend on the machine. Stateless. */
final class DefaultLimits {
    /** Connections allowed when the file-descriptor limit is unknown or generous. */
    static final int CONNECTIONS = 10_000;

    private DefaultLimits() {
    }

    /**
     * {@value #CONNECTIONS}, or three quarters of the process's file-descriptor limit when that is
     * lower, so that files, the listener and the JVM's own descriptors keep headroom.
     */
    static int maxConnections() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            long fds = unix.getMaxFileDescriptorCount();
            if (fds > 0) {
                return (int) Math.max(16, Math.min(CONNECTIONS, fds * 3 / 4));
            }
        }
        return CONNECTIONS;
    }
}
