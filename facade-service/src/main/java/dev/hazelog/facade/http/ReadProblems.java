package dev.hazelog.facade.http;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** For the API document: the problem every route that reads messages may answer with. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
        responseCode = "503",
        description = "No logging service answered (names each one tried), or the database did not answer"
                + " (type urn:hazelog:problem:database-unavailable); with Retry-After")
@interface ReadProblems {}
