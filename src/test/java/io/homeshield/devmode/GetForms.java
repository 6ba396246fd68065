package io.homeshield.devmode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The searches and filters a page offers (its {@code method="get"} forms), as the addresses a
 * person would reach by using them: the form submitted as shown, then each choice of each select
 * and radio group and each sample value given for a text field by its name, one field at a time
 * with the others left empty; hidden fields keep their values.
 */
final class GetForms {

    private static final Pattern FORM = Pattern.compile("(?s)<form\\b([^>]*)>(.*?)</form>");
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
    private static final Pattern SELECT = Pattern.compile("(?s)<select\\b([^>]*)>(.*?)</select>");
    private static final Pattern OPTION_VALUE = Pattern.compile("<option\\b[^>]*\\bvalue=\"([^\"]*)\"");

    private final Map<String, List<String>> samples;

    /** {@code samples}: what a person would type into a text field of that name. */
    GetForms(Map<String, List<String>> samples) {
        this.samples = samples;
    }

    /** The addresses the page's GET forms lead to; {@code page} is the address of the page itself. */
    List<String> submissions(String html, String page) {
        List<String> addresses = new ArrayList<>();
        Matcher forms = FORM.matcher(html);
        while (forms.find()) {
            String method = attribute(forms.group(1), "method").orElse("get");
            if (!method.equalsIgnoreCase("get")) {
                continue;
            }
            String action = attribute(forms.group(1), "action").orElse(page.split("\\?")[0]);
            addresses.addAll(fieldChoices(action, forms.group(2)));
        }
        return addresses;
    }

    private List<String> fieldChoices(String action, String form) {
        Map<String, String> hidden = new LinkedHashMap<>();
        Map<String, String> asShown = new LinkedHashMap<>();
        Map<String, List<String>> choices = new LinkedHashMap<>();
        Matcher inputs = INPUT.matcher(form);
        while (inputs.find()) {
            Optional<String> name = attribute(inputs.group(1), "name");
            if (name.isEmpty()) {
                continue;
            }
            String type = attribute(inputs.group(1), "type").orElse("text").toLowerCase(Locale.ROOT);
            String value = attribute(inputs.group(1), "value").orElse("");
            boolean checked = inputs.group(1).matches("(?s).*\\schecked\\b.*");
            switch (type) {
                case "hidden" -> hidden.put(name.get(), value);
                case "radio", "checkbox" -> {
                    choices.computeIfAbsent(name.get(), n -> new ArrayList<>()).add(value);
                    if (checked) {
                        asShown.put(name.get(), value);
                    }
                }
                case "submit", "button", "reset", "image", "file" -> { }
                default -> {
                    asShown.put(name.get(), value);
                    choices.computeIfAbsent(name.get(), n -> new ArrayList<>())
                            .addAll(samples.getOrDefault(name.get(), List.of()));
                }
            }
        }
        Matcher selects = SELECT.matcher(form);
        while (selects.find()) {
            Optional<String> name = attribute(selects.group(1), "name");
            Matcher options = OPTION_VALUE.matcher(selects.group(2));
            while (name.isPresent() && options.find()) {
                String value = unescape(options.group(1));
                choices.computeIfAbsent(name.get(), n -> new ArrayList<>()).add(value);
                asShown.putIfAbsent(name.get(), value);
            }
        }
        List<String> addresses = new ArrayList<>();
        Map<String, String> submittedAsShown = new LinkedHashMap<>(hidden);
        submittedAsShown.putAll(asShown);
        addresses.add(action + "?" + encode(submittedAsShown));
        choices.forEach((name, values) -> values.forEach(value -> {
            Map<String, String> query = new LinkedHashMap<>(hidden);
            query.put(name, value);
            addresses.add(action + "?" + encode(query));
        }));
        return addresses;
    }

    private static Optional<String> attribute(String attributes, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? Optional.of(unescape(m.group(1))) : Optional.empty();
    }

    private static String encode(Map<String, String> query) {
        List<String> pairs = new ArrayList<>();
        query.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
