package io.homeshield.admin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Draws alerts per day as stacked bars in inline SVG, on the server: no script, readable by a
 * screen reader through its title and the table the page shows next to it.
 */
final class AlertChart {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 240;
    private static final int LEFT = 40;
    private static final int BOTTOM = 28;
    private static final int TOP = 10;
    private AlertChart() {
    }

    /** The chart with its {@code title} for screen readers, days written as the page's language writes them. */
    static String svg(List<LocalDate> days, List<FleetView.TypeSeries> series, String title, Locale locale) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", locale);
        long max = 1;
        for (int d = 0; d < days.size(); d++) {
            long sum = 0;
            for (FleetView.TypeSeries s : series) {
                sum += s.perDay().get(d);
            }
            max = Math.max(max, sum);
        }
        int plotHeight = HEIGHT - BOTTOM - TOP;
        double slot = (WIDTH - LEFT) / (double) Math.max(1, days.size());
        double bar = Math.max(2, slot * 0.7);
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-labelledby=\"chart-title\" xmlns=\"http://www.w3.org/2000/svg\">")
                .append("<title id=\"chart-title\">").append(escape(title)).append("</title>");
        for (int tick = 0; tick <= 4; tick++) {
            long value = Math.round(max * tick / 4.0);
            double y = TOP + plotHeight - plotHeight * tick / 4.0;
            svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH)
                    .append("\" y1=\"").append(fmt(y)).append("\" y2=\"").append(fmt(y)).append("\"/>")
                    .append("<text class=\"axis\" x=\"").append(LEFT - 6).append("\" y=\"").append(fmt(y + 4))
                    .append("\" text-anchor=\"end\">").append(value).append("</text>");
        }
        for (int d = 0; d < days.size(); d++) {
            double x = LEFT + slot * d + (slot - bar) / 2;
            double base = TOP + plotHeight;
            for (FleetView.TypeSeries s : series) {
                long count = s.perDay().get(d);
                if (count == 0) {
                    continue;
                }
                double h = plotHeight * count / (double) max;
                base -= h;
                svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(base)).append("\" width=\"")
                        .append(fmt(bar)).append("\" height=\"").append(fmt(h)).append("\" fill=\"").append(s.colour())
                        .append("\"><title>").append(escape(s.title())).append(", ").append(day.format(days.get(d)))
                        .append(": ").append(count).append("</title></rect>");
            }
            if (days.size() <= 16 || d % 2 == 0) {
                svg.append("<text class=\"axis\" x=\"").append(fmt(LEFT + slot * d + slot / 2)).append("\" y=\"")
                        .append(HEIGHT - 8).append("\" text-anchor=\"middle\">").append(day.format(days.get(d)))
                        .append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
