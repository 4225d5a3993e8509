/**
 * {@code salvo search} and scenario S1 (seed 000): a small SDK-style search-jobs client whose
 * binding layer sends through any {@link dev.salvo.client.spi.Transport} — the seed's pluggable HTTP
 * handler — and the same SDK code run one search after another or on a pool of 16.
 *
 * <p><b>Threading.</b> {@link dev.salvo.cli.search.SearchService} is blocking and thread-safe
 * once logged in: in async mode 16 virtual threads call it at once, the way eventlet's green
 * threads ran the Python SDK. <b>Nulls.</b> No method accepts or returns null.
 */
package dev.salvo.cli.search;
