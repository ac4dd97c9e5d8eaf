package dev.hazelog.facade.http;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** For the API document: the problems a route that stores messages answers with. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(responseCode = "400", description = "Malformed body, an empty message or an invalid Idempotency-Key")
@ApiResponse(responseCode = "413", description = "A message or body over the limit")
@ApiResponse(responseCode = "415", description = "A Content-Type the route does not take")
@ApiResponse(responseCode = "422", description = "The Idempotency-Key was first used with another message")
@ApiResponse(
        responseCode = "503",
        description = "No logging service could store it (names each one tried), or the database did not answer"
                + " (type urn:hazelog:problem:database-unavailable); with Retry-After")
@interface StoreProblems {}
