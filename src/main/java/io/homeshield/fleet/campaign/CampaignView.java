package io.homeshield.fleet.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A campaign as its page shows it: the timeline of routers changing (hourly, or by ten minutes for a
 * young campaign) as an SVG bar chart, the groups it hit, and the routers. {@code bucketLabel} names
 * the period for the page's words: {@code hour} or {@code 10min}.
 */
public record CampaignView(Campaign campaign, List<Bar> timeline, String bucketLabel, List<GroupCount> groups,
        List<CampaignRouter> routers, int routersBeforeDetection) {

    /** One bar: the routers that changed in one period. */
    public record Bar(Instant from, int routers) {
    }

    /** How many affected routers share a model, firmware and network. */
    public record GroupCount(String model, String firmware, String network, long routers) {
    }

    public static Duration bucketFor(Campaign campaign) {
        Duration span = Duration.between(campaign.firstSeen, campaign.lastSeen);
        return span.compareTo(Duration.ofHours(12)) <= 0 ? Duration.ofMinutes(10) : Duration.ofHours(1);
    }

    /**
     * The bars as SVG, labelled in the page's words ({@code label} for the chart, {@code reported} for
     * the report's line): only attributes, no inline styles (the pages' content security policy forbids them).
     */
    public String chartSvg(String label, String reported) {
        int max = timeline.stream().mapToInt(Bar::routers).max().orElse(1);
        int width = Math.max(1, timeline.size()) * 12;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"campaign-chart\" viewBox=\"0 0 %d 110\" width=\"100%%\" height=\"160\""
                        + " preserveAspectRatio=\"none\" role=\"img\" aria-label=\"%s\">",
                width, escaped(label)));
        int detectedBar = -1;
        for (int i = 0; i < timeline.size(); i++) {
            Bar bar = timeline.get(i);
            if (!bar.from().isAfter(campaign.detectedAt)) {
                detectedBar = i;
            }
            int height = (int) Math.round(100.0 * bar.routers() / Math.max(1, max));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"%d\" fill=\"#b3261e\"><title>%s: %d</title></rect>",
                    i * 12 + 1, 105 - height, height, bar.from(), bar.routers()));
        }
        if (detectedBar >= 0) {
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"110\" stroke=\"#2a5db0\""
                    + " stroke-width=\"2\"><title>%s %s</title></line>", detectedBar * 12 + 11,
                    detectedBar * 12 + 11, escaped(reported), campaign.detectedAt));
        }
        return svg.append("</svg>").toString();
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
