package dev.hazelog.shared.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose Content-Type no body can have: a wildcard such as {@code *}{@code /*}, or a charset that does
 * not exist. Spring MVC would fail on them with a 500 deep inside (reading a body, decoding a path with that charset)
 * rather than say what is wrong.
 */
class ContentTypeFilter extends OncePerRequestFilter {

    private static final PlainProblem UNUSABLE = new PlainProblem(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "The Content-Type is not a concrete media type with a known charset (for example application/json).");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentType() == null || usable(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(UNUSABLE.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(UNUSABLE.json());
    }

    static boolean usable(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            type.getCharset();
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (IllegalArgumentException unparseableOrUnknownCharset) {
            return false;
        }
    }
}
