package dev.salvo.client;

/**
 * Thrown only by {@link Response#requireSuccess()}: the response had a non-2xx status. Salvo
 * itself never fails a future for a status; 4xx and 5xx are data.
 */
public final class HttpStatusException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient Response response;

    public HttpStatusException(Response response) {
        super("HTTP " + response.status() + " from " + response.request());
        this.response = response;
    }

    public Response response() {
        return response;
    }

    public int status() {
        return response.status();
    }
}
