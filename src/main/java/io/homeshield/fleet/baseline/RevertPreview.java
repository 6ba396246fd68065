package io.homeshield.fleet.baseline;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.homeshield.fleet.CurrentParameter;
import io.homeshield.fleet.ParameterPaths;

/** A rule's dry run: which routers of the baseline deviate now and what the rule would set. Changes nothing. */
@ApplicationScoped
public class RevertPreview {

    public static final int LIMIT = 500;

    /** One router the rule would put back. */
    public record Deviation(UUID routerId, String serialNumber, String path, String found, String wouldSet,
            String source) {
    }

    public List<Deviation> preview(BaselineParameter rule) {
        Baseline baseline = Baseline.findById(rule.baselineId);
        String firmwareClause = baseline.firmware.isEmpty()
                ? " and not exists (select 1 from Baseline b where b.model = r.model and b.firmware = r.firmware)"
                : " and r.firmware = :firmware";
        var query = CurrentParameter.getEntityManager().createQuery("select c, r.serialNumber from CurrentParameter c,"
                + " Router r where r.id = c.key.routerId and r.model = :model" + firmwareClause
                + " and c.key.path like :prefix order by r.serialNumber, c.key.path", Object[].class)
                .setParameter("model", baseline.model)
                .setParameter("prefix", likePrefix(rule.path));
        if (!baseline.firmware.isEmpty()) {
            query.setParameter("firmware", baseline.firmware);
        }
        return query.getResultList().stream()
                .filter(row -> rule.covers(((CurrentParameter) row[0]).path()))
                .filter(row -> rule.deviates(((CurrentParameter) row[0]).value, ((CurrentParameter) row[0]).source))
                .limit(LIMIT)
                .map(row -> {
                    CurrentParameter c = (CurrentParameter) row[0];
                    return new Deviation(c.routerId(), (String) row[1], c.path(), c.value, rule.revertValue(),
                            c.source);
                }).toList();
    }

    /** The literal start of the path pattern, up to its first instance placeholder. */
    private static String likePrefix(String pattern) {
        String normalized = ParameterPaths.pattern(pattern);
        int placeholder = normalized.indexOf("{i}");
        String literal = placeholder < 0 ? normalized : normalized.substring(0, placeholder);
        return literal.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
