package io.homeshield.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.homeshield.alert.Alert;
import io.homeshield.fleet.ConfigChange;
import io.homeshield.inventory.Device;
import io.homeshield.telemetry.TelemetryDeadLetter;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** What a router's telemetry has stored, table by table: to show that a refused batch changed nothing. */
public final class RouterRows {

    private RouterRows() {
    }

    public static Map<String, Long> of(UUID routerId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> rows = new LinkedHashMap<>();
            rows.put("receipts", Device.getEntityManager()
                    .createQuery("select count(r) from TelemetryReceipt r where r.routerId = ?1", Long.class)
                    .setParameter(1, routerId).getSingleResult());
            rows.put("devices", Device.count("routerId", routerId));
            rows.put("alerts", Alert.count("routerId", routerId));
            rows.put("configChanges", ConfigChange.count("routerId", routerId));
            rows.put("deadLetters", TelemetryDeadLetter.count("routerId", routerId));
            rows.put("activity", ((Number) Device.getEntityManager().createNativeQuery(
                    "select count(*) from device_activity a join device d on d.id = a.device_id where d.router_id = ?1")
                    .setParameter(1, routerId).getSingleResult()).longValue());
            return rows;
        });
    }

    /** No row of any kind for the router. */
    public static Map<String, Long> none() {
        return Map.of("receipts", 0L, "devices", 0L, "alerts", 0L, "configChanges", 0L, "deadLetters", 0L,
                "activity", 0L);
    }
}
