package io.ascent.core.report;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** Why a finding is accepted for now, who accepted it, and until when. */
public record Waiver(String reason, String owner, LocalDate expires) implements Serializable {

    public Waiver {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expires, "expires");
    }

    /** A waiver expires at the end of its expiry day. */
    public boolean isExpiredOn(LocalDate today) {
        return today.isAfter(expires);
    }
}
