package dev.hazelog.facade.domain;

import static dev.hazelog.facade.domain.FacadeFixture.L1;
import static dev.hazelog.facade.domain.FacadeFixture.L2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hazelog.shared.wire.MessageView;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageReaderTest {

    private final FacadeFixture fixture = new FacadeFixture();

    @Test
    void theLatestMessagesComeInAcceptanceOrder() {
        for (int i = 0; i < 5; i++) {
            fixture.writer.send("m" + i, null);
        }

        assertThat(fixture.reader.latest(3)).extracting(MessageView::msg).containsExactly("m2", "m3", "m4");
    }

    @Test
    void readsEverythingWithTheMessagesServicesAnswer() {
        fixture.writer.send("one", null);
        fixture.writer.send("two", null);

        MessageReader.AllMessages all = fixture.reader.all();

        assertThat(all.messages().toList()).extracting(MessageView::msg).containsExactly("one", "two");
        assertThat(all.messagesService()).isEqualTo(new MessageReader.MessagesServicePart(true, "Not implemented yet"));
    }

    @Test
    void readingWithEveryLoggingServiceDownFailsBeforeAnythingIsSent() {
        fixture.logging.down.addAll(List.of(L1, L2));

        assertThatThrownBy(fixture.reader::all).isInstanceOf(NoInstanceAvailableException.class);
    }

    @Test
    void stillReadsTheMessagesWhenTheMessagesServiceIsDown() {
        fixture.writer.send("one", null);
        fixture.messagesServiceDown = true;

        MessageReader.AllMessages all = fixture.reader.all();

        assertThat(all.messages().toList()).extracting(MessageView::msg).containsExactly("one");
        assertThat(all.messagesService().available()).isFalse();
        assertThat(all.messagesService().text()).isEqualTo("messages-service unavailable");
    }
}
