import dev.salvo.client.Request;
import dev.salvo.client.Response;
import dev.salvo.client.Salvo;
import java.util.List;

/** The README's first program: three requests at once, the answers in the order asked. */
public class Hello {
    public static void main(String[] args) {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8000";
        try (Salvo http = Salvo.newBuilder().maxInFlight(16).build()) {
            List<Request> requests = List.of(
                    Request.get(base + "/delay/1"), Request.get(base + "/delay/1"), Request.get(base + "/get"));
            long start = System.nanoTime();
            List<Response> responses = http.gather(requests).join(); // all three at once
            for (Response response : responses) {
                System.out.println(response.status() + " " + response.uri());
            }
            System.out.printf("3 requests in %.2f s%n", (System.nanoTime() - start) / 1e9); // about 1 s, not 2
        }
    }
}
