package dev.hazelog.logging.hazelcast;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;
import dev.hazelog.logging.domain.StoredMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Hazelcast Compact form of {@link StoredMessage}: a schema of named fields, no Java serialization. */
public class StoredMessageSerializer implements CompactSerializer<StoredMessage> {

    @Override
    public StoredMessage read(CompactReader reader) {
        return new StoredMessage(
                reader.readString("id"),
                reader.readString(HazelcastMessageStore.TEXT),
                Instant.EPOCH.plus(reader.readInt64(HazelcastMessageStore.ACCEPTED_AT), ChronoUnit.MICROS),
                reader.readString(HazelcastMessageStore.STORED_BY));
    }

    @Override
    public void write(CompactWriter writer, StoredMessage message) {
        writer.writeString("id", message.id());
        writer.writeString(HazelcastMessageStore.TEXT, message.text());
        writer.writeInt64(
                HazelcastMessageStore.ACCEPTED_AT, ChronoUnit.MICROS.between(Instant.EPOCH, message.acceptedAt()));
        writer.writeString(HazelcastMessageStore.STORED_BY, message.storedBy());
    }

    @Override
    public String getTypeName() {
        return "hazelog.StoredMessage";
    }

    @Override
    public Class<StoredMessage> getCompactClass() {
        return StoredMessage.class;
    }
}
