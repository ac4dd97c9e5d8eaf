package dev.hazelog.facade.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hazelog.facade.domain.LoggingGateway.NewMessage;
import dev.hazelog.shared.wire.MemberSnapshot;
import dev.hazelog.shared.wire.MessagePage;
import dev.hazelog.shared.wire.MessageSearch;
import dev.hazelog.shared.wire.MessageView;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Logging services that store in one shared list, like the cluster; instances in {@code down} do not answer. The live
 * log calls them from its own thread, beside the test's.
 */
final class FakeLogging implements LoggingGateway {
    /** Written by tests and read by the live log's own thread at once. */
    final List<MessageView> stored = new CopyOnWriteArrayList<>();

    final Set<URI> down = ConcurrentHashMap.newKeySet();
    final List<UUID> idsSent = new ArrayList<>();
    final List<URI> called = new CopyOnWriteArrayList<>();
    final List<Instant> notBefores = new ArrayList<>();
    /** The database behind every instance does not answer: each write is refused, in the instance's words. */
    boolean databaseDown;

    @Override
    public Stored store(URI instance, UUID id, String text, Instant notBefore) {
        notBefores.add(notBefore);
        idsSent.add(id);
        available(instance);
        if (databaseDown) {
            throw new DatabaseUnavailableException("The message database (postgresql://db) did not answer.");
        }
        Optional<MessageView> existing = find(instance, id);
        if (existing.isPresent() && !existing.get().msg().equals(text)) {
            throw new IdTakenException(409, "Id already used", "taken");
        }
        if (existing.isEmpty()) {
            stored.add(new MessageView(id.toString(), text, Instant.now(), instance.toString()));
        }
        Instant acceptedAt = find(instance, id).orElseThrow().acceptedAt();
        return new Stored(id, instance.toString(), acceptedAt, existing.isPresent());
    }

    @Override
    public List<Stored> storeAll(URI instance, List<NewMessage> messages, Instant notBefore) {
        return messages.stream()
                .map(message -> store(instance, message.id(), message.text(), notBefore))
                .toList();
    }

    @Override
    public Stream<MessageView> all(URI instance) {
        available(instance);
        return List.copyOf(stored).stream();
    }

    @Override
    public MessagePage page(URI instance, UUID after, int limit, MessageSearch search) {
        available(instance);
        assertThat(!search.equals(MessageSearch.EVERY_MESSAGE))
                .as("searches are the logging services' own; their tests cover them")
                .isFalse();
        int from = after == null ? 0 : stored.indexOf(find(instance, after).orElseThrow()) + 1;
        List<MessageView> page = stored.subList(from, Math.min(stored.size(), from + limit));
        return new MessagePage(
                List.copyOf(page), from + limit < stored.size() ? page.getLast().id() : null);
    }

    /** Everything here is settled: the list holds a message once it is stored. */
    @Override
    public MessagePage settledPage(URI instance, UUID after, int limit) {
        available(instance);
        List<MessageView> all = List.copyOf(stored);
        MessageView cursor = after == null
                ? null
                : find(instance, after)
                        .orElseThrow(
                                () -> new RefusedException(400, "Unknown cursor", "No message has the id " + after));
        List<MessageView> following = cursor == null ? all : all.subList(all.indexOf(cursor) + 1, all.size());
        List<MessageView> page = List.copyOf(following.subList(0, Math.min(limit, following.size())));
        return new MessagePage(page, following.size() > limit ? page.getLast().id() : null);
    }

    @Override
    public List<MessageView> latest(URI instance, int limit) {
        available(instance);
        return List.copyOf(stored.subList(Math.max(0, stored.size() - limit), stored.size()));
    }

    @Override
    public MemberSnapshot member(URI instance) {
        throw new UnsupportedOperationException("not read by the writer or the reader");
    }

    @Override
    public Optional<MessageView> find(URI instance, UUID id) {
        available(instance);
        return stored.stream().filter(m -> m.id().equals(id.toString())).findFirst();
    }

    private void available(URI instance) {
        called.add(instance);
        if (down.contains(instance)) {
            throw new ServiceUnavailableException(instance, "connection refused");
        }
    }
}
