package dev.hazelog.facade.client;

import dev.hazelog.facade.domain.DatabaseUnavailableException;
import dev.hazelog.facade.domain.IdTakenException;
import dev.hazelog.facade.domain.InstanceFullException;
import dev.hazelog.facade.domain.RefusedException;
import dev.hazelog.facade.domain.ServiceUnavailableException;
import dev.hazelog.shared.wire.ProblemTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Runs one call to another service and sorts its failures: no answer or a 5xx becomes a
 * {@link ServiceUnavailableException} (try again, or elsewhere), a 4xx a {@link RefusedException} with the
 * service's own problem (do not: it would be refused anywhere, so it is passed on to the client); a 409, an id taken
 * by another text, is an {@link IdTakenException}.
 */
final class ServiceCalls {

    private ServiceCalls() {}

    static <T> T call(URI service, RestClient.RequestHeadersSpec<?> request, Class<T> answerType) {
        return sorted(
                service,
                () -> request.exchange((sent, response) -> {
                    succeeded(service, response);
                    T answer = response.bodyTo(answerType);
                    if (answer == null) {
                        throw new ServiceUnavailableException(service, "empty answer");
                    }
                    return answer;
                }));
    }

    /** Like {@link #call}, but hands over the open body of a successful answer; the caller closes it. */
    static InputStream open(URI service, RestClient.RequestHeadersSpec<?> request) {
        return sorted(
                service,
                () -> request.exchange(
                        (sent, response) -> {
                            try {
                                succeeded(service, response);
                                return response.getBody();
                            } catch (RuntimeException e) {
                                response.close();
                                throw e;
                            }
                        },
                        false));
    }

    private static void succeeded(URI service, RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response)
            throws IOException {
        HttpStatusCode status = response.getStatusCode();
        if (status.is4xxClientError()) {
            ProblemDetail problem = readProblem(response, status);
            String title = problem.getTitle() == null ? "Rejected" : problem.getTitle();
            String detail = problem.getDetail() == null ? service + " answered " + status.value() : problem.getDetail();
            throw status.isSameCodeAs(HttpStatus.CONFLICT)
                    ? new IdTakenException(status.value(), title, detail)
                    : new RefusedException(status.value(), title, detail);
        }
        if (status.isSameCodeAs(HttpStatus.INSUFFICIENT_STORAGE)) {
            throw new InstanceFullException(service, answered(status, readProblem(response, status)));
        }
        if (!status.is2xxSuccessful()) {
            ProblemDetail problem = readProblem(response, status);
            if (ProblemTypes.DATABASE_UNAVAILABLE.equals(problem.getType()) && problem.getDetail() != null) {
                throw new DatabaseUnavailableException(problem.getDetail());
            }
            throw new ServiceUnavailableException(service, answered(status, problem));
        }
    }

    /** The instance's status and, when its problem body has one, its own words: "answered 503: The database ...". */
    private static String answered(HttpStatusCode status, ProblemDetail problem) {
        return "answered " + status.value() + (problem.getDetail() == null ? "" : ": " + problem.getDetail());
    }

    private static <T> T sorted(URI service, Supplier<T> exchange) {
        try {
            return exchange.get();
        } catch (ResourceAccessException e) {
            boolean timedOut = causedBy(e, InterruptedIOException.class); // connect or read timeout
            throw new ServiceUnavailableException(service, timedOut ? "timed out" : reason(e), !timedOut);
        } catch (RestClientException e) {
            throw new ServiceUnavailableException(service, "unreadable answer");
        }
    }

    private static ProblemDetail readProblem(
            RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response, HttpStatusCode status) {
        try {
            ProblemDetail problem = response.bodyTo(ProblemDetail.class);
            return problem != null ? problem : ProblemDetail.forStatus(status);
        } catch (RestClientException e) {
            return ProblemDetail.forStatus(status);
        }
    }

    /** Says what went wrong in words a client may read; never an internal class name. */
    private static String reason(ResourceAccessException e) {
        return causedBy(e, ConnectException.class) ? "connection refused" : "connection failed";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
