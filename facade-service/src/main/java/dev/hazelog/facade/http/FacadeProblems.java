package dev.hazelog.facade.http;

import dev.hazelog.facade.domain.NoInstanceAvailableException;
import dev.hazelog.shared.http.ProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice
class FacadeProblems {

    /** 503, naming every instance tried and what happened there. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> noInstance(NoInstanceAvailableException e) {
        ResponseEntity<ProblemDetail> answer =
                ProblemHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, "No logging service available", e.getMessage());
        answer.getBody().setProperty("tried", e.tried());
        return answer;
    }
}
