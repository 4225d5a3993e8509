package dev.salvo.client;

/**
 * Which redirects Salvo follows (301, 302, 303, 307, 308 with a Location). 301/302/303 turn a
 * non-GET into a GET without body; 307/308 keep method and body. At most
 * {@link #MAX_HOPS} hops, then the last 3xx response is returned as data.
 */
public enum RedirectPolicy {
    /** Never follow; 3xx responses are returned as they are. */
    NEVER,
    /** Follow, except from https to http. The default. */
    NORMAL,
    /** Follow every redirect, https to http included. */
    ALWAYS;

    /** The most redirects one call follows. */
    public static final int MAX_HOPS = 10;
}
