package dev.hazelog.logging.http;

import dev.hazelog.logging.domain.ConflictingMessageException;
import dev.hazelog.logging.domain.DatabaseUnavailableException;
import dev.hazelog.logging.domain.SearchTooBroadException;
import dev.hazelog.logging.domain.StorageFullException;
import dev.hazelog.logging.domain.StorageUnavailableException;
import dev.hazelog.logging.domain.UnknownCursorException;
import dev.hazelog.shared.http.ProblemHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The store's own failures as problem answers; the facade retries a 503 elsewhere, unless it names the database, and
 * never retries a 409.
 */
@RestControllerAdvice
class StorageProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> conflict(ConflictingMessageException e) {
        return ProblemHandler.problem(HttpStatus.CONFLICT, "Id already used", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknownCursor(UnknownCursorException e) {
        return ProblemHandler.problem(HttpStatus.BAD_REQUEST, "Unknown cursor", e.getMessage());
    }

    /** A 4xx, so that the facade passes it on rather than asking the other logging services to read as much. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooBroad(SearchTooBroadException e) {
        return ProblemHandler.problem(HttpStatus.UNPROCESSABLE_CONTENT, "Search too broad", e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> full(StorageFullException e) {
        return ProblemHandler.problem(HttpStatus.INSUFFICIENT_STORAGE, "Insufficient storage", e.getMessage());
    }

    /** Typed, so that the facade passes it on rather than trying the other logging services, which share it. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> databaseUnavailable(DatabaseUnavailableException e) {
        return ProblemHandler.databaseUnavailable(e.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(StorageUnavailableException e) {
        return ProblemHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, "Storage unavailable", e.getMessage());
    }
}
