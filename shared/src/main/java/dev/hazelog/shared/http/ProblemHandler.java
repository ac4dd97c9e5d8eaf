package dev.hazelog.shared.http;

import dev.hazelog.shared.wire.ProblemTypes;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * The one place where errors become RFC 9457 problem bodies. Spring MVC's own exceptions (unreadable body, wrong
 * content type, wrong method, unknown route) are handled by the base class; errors outside Spring MVC reach
 * {@link ProblemErrorController}.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidInput(ProblemException e) {
        return problem(e.status(), e.title(), e.getMessage());
    }

    /** Tomcat parses parameters on first use and refuses a malformed %-escape in the query or a form body. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> malformedParameter(InvalidParameterException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Malformed parameter",
                "A query or form parameter is not valid URL encoding (for example an invalid %-escape).");
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                status, "No route %s /%s".formatted(e.getHttpMethod(), e.getResourcePath()));
        return handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getMostSpecificCause() instanceof BodyLimitFilter.BodyTooLargeException tooLarge) {
            HttpStatus contentTooLarge = HttpStatus.CONTENT_TOO_LARGE;
            ProblemDetail body = ProblemDetail.forStatusAndDetail(contentTooLarge, tooLarge.getMessage());
            return handleExceptionInternal(e, body, headers, contentTooLarge, request);
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, unreadableBodyDetail(e));
        body.setTitle("Malformed body");
        return handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, typeMismatchDetail(e));
        body.setTitle("Invalid parameter");
        return handleExceptionInternal(e, body, headers, status, request);
    }

    /** Names the parameter and what it was given; Spring's own detail prints a repeated one as a Java array. */
    static String typeMismatchDetail(TypeMismatchException e) {
        return e.getValue() instanceof Object[] values
                ? "The parameter \"%s\" is given %d times; it takes one value."
                        .formatted(e.getPropertyName(), values.length)
                : "The parameter \"%s\" cannot be \"%s\".".formatted(e.getPropertyName(), e.getValue());
    }

    /** Says where the body went wrong without echoing parser messages, which name internal classes. */
    static String unreadableBodyDetail(HttpMessageNotReadableException e) {
        if (!(e.getMostSpecificCause() instanceof JacksonException json)) {
            return "The request needs a JSON body.";
        }
        if (json instanceof StreamReadException) {
            var at = json.getLocation();
            return at == null
                    ? "The body is not valid JSON."
                    : "The body is not valid JSON (line %d, column %d).".formatted(at.getLineNr(), at.getColumnNr());
        }
        String field = json.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .reduce((parent, child) -> parent + "." + child)
                .orElse("");
        return field.isEmpty()
                ? "The body must be a JSON object."
                : "The field \"%s\" has the wrong type.".formatted(field);
    }

    /**
     * 503 {@code Database unavailable}, typed {@link ProblemTypes#DATABASE_UNAVAILABLE} so that the facade passes it on;
     * the logging services try the database again a second later.
     */
    public static ResponseEntity<ProblemDetail> databaseUnavailable(String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        body.setTitle("Database unavailable");
        body.setType(ProblemTypes.DATABASE_UNAVAILABLE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(body);
    }

    /** A problem answer for the services' own exception handlers. */
    public static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setTitle(title);
        return ResponseEntity.status(status).body(body);
    }
}
