package dev.hazelog.facade.http;

import dev.hazelog.facade.domain.IdempotencyKeyReusedException;
import dev.hazelog.facade.domain.NoInstanceAvailableException;
import dev.hazelog.facade.domain.RefusedException;
import dev.hazelog.shared.http.ProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The facade's domain exceptions as problem answers. */
@RestControllerAdvice
class FacadeProblems {

    /** Another service's refusal of the request, passed on as it answered. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(RefusedException e) {
        return ProblemHandler.problem(HttpStatusCode.valueOf(e.status()), e.title(), e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> idempotencyKeyReused(IdempotencyKeyReusedException e) {
        return ProblemHandler.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", e.getMessage());
    }

    /** 503, naming every instance tried and what happened there. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> noInstance(NoInstanceAvailableException e) {
        ResponseEntity<ProblemDetail> answer =
                ProblemHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, "No logging service available", e.getMessage());
        answer.getBody().setProperty("tried", e.tried());
        return answer;
    }
}
