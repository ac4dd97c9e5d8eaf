package dev.hazelog.facade.http;

import dev.hazelog.facade.http.MessagesController.Created;
import dev.hazelog.facade.http.MessagesController.CreatedBatch;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * For the API document: the answer of {@code POST /messages}, whose JSON and plain-text handlers are one operation
 * there.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
        responseCode = "201",
        description = "Stored: the message's id, or one answer per message of a batch, in order",
        content =
                @Content(mediaType = "application/json", schema = @Schema(oneOf = {Created.class, CreatedBatch.class})))
@interface MessagesCreated {}
