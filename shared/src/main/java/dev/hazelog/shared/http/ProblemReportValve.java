package dev.hazelog.shared.http;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Answers what Tomcat refuses before any servlet sees it (a malformed path, a request line or headers over the limit)
 * with an RFC 9457 problem body instead of Tomcat's HTML error page.
 */
public class ProblemReportValve extends ErrorReportValve {

    /** Tomcat's own words for a request line or headers over the limit, in the language it uses for them. */
    private static final String HEADER_TOO_LARGE =
            StringManager.getManager("org.apache.coyote.http11").getString("iib.requestheadertoolarge.error");

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !canWrite(response)) {
            return;
        }
        PlainProblem problem = problemFor(response.getStatus(), throwable, request.getRequestURI() != null);
        try {
            response.setStatus(problem.status().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(problem.json());
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The client went away or the answer was already under way: nothing more can be said to it.
        }
    }

    static PlainProblem problemFor(int status, Throwable throwable, boolean requestLineRead) {
        if (throwable != null && HEADER_TOO_LARGE.equals(throwable.getMessage())) {
            return requestLineRead
                    ? new PlainProblem(
                            HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "The request's headers are too large.")
                    : new PlainProblem(HttpStatus.URI_TOO_LONG, "The request line (method and URL) is too long.");
        }
        if (status == HttpStatus.NOT_IMPLEMENTED.value()) {
            // Tomcat's answer to CONNECT; a method no route takes is a client's mistake, as Spring says for others.
            return new PlainProblem(HttpStatus.METHOD_NOT_ALLOWED, "The method is not supported.");
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known != null && known.isError() && known != HttpStatus.BAD_REQUEST
                ? new PlainProblem(known, known.getReasonPhrase() + ".")
                : new PlainProblem(
                        HttpStatus.BAD_REQUEST,
                        "The request is malformed (for example an invalid %-escape or character in its path).");
    }

    private static boolean canWrite(Response response) {
        AtomicBoolean allowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, allowed);
        return allowed.get();
    }
}
