package dev.hazelog.facade.http;

import dev.hazelog.facade.domain.SystemStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the dashboard polls: every instance with its health, and what each member holds. */
@RestController
class StatusController {

    private final SystemStatus status;

    StatusController(SystemStatus status) {
        this.status = status;
    }

    @Operation(summary = "Every instance with its health, and what each logging service's member holds")
    @ApiResponse(responseCode = "200", description = "The status", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "503", description = "The config service has never answered, so no instance is known")
    @GetMapping("/status")
    SystemStatus.Report status() {
        return status.now();
    }
}
