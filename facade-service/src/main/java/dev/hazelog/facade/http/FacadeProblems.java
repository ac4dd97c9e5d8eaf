package dev.hazelog.facade.http;

import dev.hazelog.facade.config.FacadeProperties;
import dev.hazelog.facade.domain.DatabaseUnavailableException;
import dev.hazelog.facade.domain.IdempotencyKeyReusedException;
import dev.hazelog.facade.domain.NoInstanceAvailableException;
import dev.hazelog.facade.domain.RefusedException;
import dev.hazelog.shared.http.ProblemHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The facade's domain exceptions as problem answers. */
@RestControllerAdvice
class FacadeProblems {

    /** How long the logging services that just failed are skipped: a retry sooner gets the same answer. */
    private final String retryAfterSeconds;

    FacadeProblems(FacadeProperties properties) {
        long millis = properties.circuitOpenFor().toMillis();
        this.retryAfterSeconds = String.valueOf(Math.max(1, (millis + 999) / 1000));
    }

    /** Another service's refusal of the request, passed on as it answered. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(RefusedException e) {
        return ProblemHandler.problem(HttpStatusCode.valueOf(e.status()), e.title(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return ProblemHandler.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", e.getMessage());
    }

    /** 503 in the logging service's words, typed as it typed it; the database is tried again after a second. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> databaseUnavailable(DatabaseUnavailableException e) {
        return ProblemHandler.databaseUnavailable(e.getMessage());
    }

    /** 503, naming every instance tried and what happened there, and when to try again. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> noInstance(NoInstanceAvailableException e) {
        ProblemDetail body = ProblemHandler.problem(
                        HttpStatus.SERVICE_UNAVAILABLE, "No logging service available", e.getMessage())
                .getBody();
        body.setProperty("tried", e.tried());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .body(body);
    }
}
