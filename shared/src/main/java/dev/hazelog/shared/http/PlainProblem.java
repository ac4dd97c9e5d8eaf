package dev.hazelog.shared.http;

import org.springframework.http.HttpStatus;

/**
 * A problem body written where Spring MVC's converters are not at hand: in a filter, or in Tomcat's own error
 * report. The details are fixed sentences without quotes or backslashes, so they need no JSON escaping.
 */
record PlainProblem(HttpStatus status, String detail) {

    String json() {
        return "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,\"detail\":\"%s\"}"
                .formatted(status.getReasonPhrase(), status.value(), detail);
    }
}
