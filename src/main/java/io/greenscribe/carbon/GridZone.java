package io.greenscribe.carbon;

import java.util.Objects;

/**
 * A grid area as the configured feed names it: an Electricity Maps zone ({@code DE}), a WattTime
 * region ({@code CAISO_NORTH}), {@code GB} for the UK API, or a cloud region for the Carbon Aware
 * SDK ({@code northeurope}).
 *
 * @param id the feed's own identifier, never blank
 */
public record GridZone(String id) {

    public GridZone {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("grid zone id must not be blank");
        }
    }

    public static GridZone of(String id) {
        return new GridZone(id);
    }

    @Override
    public String toString() {
        return id;
    }
}
