package dev.hazelog.shared.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.beans.PropertyChangeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import tools.jackson.databind.json.JsonMapper;

class ProblemHandlerTest {

    record Body(String msg) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"msg\":|The body is not valid JSON (line 1, column 8).",
                "{\"msg\": {}}|The field \"msg\" has the wrong type.",
                "[1, 2]|The body must be a JSON object.",
            })
    void saysWhereTheBodyWentWrongWithoutParserInternals(String body, String detail) {
        Throwable parseError = catchThrowable(() -> JSON.readValue(body, Body.class));
        var unreadable = new HttpMessageNotReadableException("x", parseError, new MockHttpInputMessage(new byte[0]));

        assertThat(ProblemHandler.unreadableBodyDetail(unreadable)).isEqualTo(detail);
    }

    @Test
    void aParameterGivenTwiceIsNamedWithoutAJavaArray() {
        var repeated = new TypeMismatchException(
                new PropertyChangeEvent(this, "limit", null, new String[] {"5", "x"}), Integer.class);
        var wrong = new TypeMismatchException(new PropertyChangeEvent(this, "limit", null, "x"), Integer.class);

        assertThat(ProblemHandler.typeMismatchDetail(repeated))
                .isEqualTo("The parameter \"limit\" is given 2 times; it takes one value.");
        assertThat(ProblemHandler.typeMismatchDetail(wrong)).isEqualTo("The parameter \"limit\" cannot be \"x\".");
    }
}
