package io.homeshield.routers.genieacs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One CWMP session of a device with the test ACS, in GenieACS 1.2's order, after the Inform: the presets whose
 * precondition holds run their provisions, then the device's queued tasks
 * run, each as GenieACS turns it into declarations: a {@code setParameterValues} value is sent only where
 * the stored copy differs and the parameter is known and writable; queued one-shot tasks (reboot,
 * factory reset) end in one RPC however many were queued. A task the router refuses stays, with a fault
 * {@code <deviceId>:task_<taskId>}.
 */
final class AcsSession {

    private final GenieAcsPeer acs;
    private final AcsDevice device;
    private final Instant now;

    AcsSession(GenieAcsPeer acs, AcsDevice device, Instant now) {
        this.acs = acs;
        this.device = device;
        this.now = now;
    }

    void run() {
        for (ObjectNode preset : acs.presets()) {
            if (applies(preset.path("precondition").asText(""))) {
                for (JsonNode configuration : preset.path("configurations")) {
                    String script = acs.provision(configuration.path("name").asText());
                    if ("provision".equals(configuration.path("type").asText()) && script != null) {
                        acs.provisions().run(script, configuration.path("args"), device, now);
                    }
                }
            }
        }
        boolean rebooted = false;
        boolean reset = false;
        for (ObjectNode task : acs.queuedTasks(device.id)) {
            String name = task.path("name").asText();
            Map.Entry<String, String> planned = acs.plannedFault(device.id, name);
            try {
                if (planned != null) {
                    throw new TaskFault(planned.getKey(), planned.getValue());
                }
                switch (name) {
                    case "reboot" -> rebooted = true;
                    case "factoryReset" -> reset = true;
                    default -> run(task);
                }
                acs.done(task);
            } catch (TaskFault fault) {
                acs.faulted(device.id, task, fault.code, fault.getMessage());
            } catch (Tr069Cpe.CwmpFault fault) {
                acs.faulted(device.id, task, "cwmp." + fault.code, fault.getMessage());
            }
        }
        if (reset) {
            device.cpe.factoryReset();
        } else if (rebooted) {
            device.cpe.reboot();
        }
    }

    private boolean applies(String precondition) {
        if (precondition.isBlank()) {
            return true;
        }
        java.util.regex.Matcher tag = java.util.regex.Pattern.compile("Tags\\.(\\S+) IS NOT NULL")
                .matcher(precondition.trim());
        return tag.matches() && device.tags().contains(tag.group(1));
    }

    private void run(ObjectNode task) throws Tr069Cpe.CwmpFault {
        switch (task.path("name").asText()) {
            case "getParameterValues" -> {
                for (JsonNode name : task.path("parameterNames")) {
                    refresh(name.asText());
                }
            }
            case "refreshObject" -> refresh(task.path("objectName").asText());
            case "setParameterValues" -> setParameterValues(task);
            case "addObject" -> addObject(task);
            case "deleteObject" -> {
                String path = task.path("objectName").asText().replaceAll("\\.$", "");
                device.cpe.deleteObject(path);
                device.forget(path);
            }
            case "download" -> device.cpe.download(task.path("fileType").asText(), task.path("fileName").asText());
            default -> throw new IllegalStateException("Invalid task name");
        }
    }

    private void refresh(String path) {
        String plain = path.replaceAll("\\.$", "");
        device.cpe.getParameterValues(plain);
        device.fetch(plain, now);
    }

    /** GenieACS's "value" declaration: compared with the stored copy, which may be stale. */
    private void setParameterValues(ObjectNode task) throws Tr069Cpe.CwmpFault {
        List<String[]> send = new ArrayList<>();
        for (JsonNode entry : task.path("parameterValues")) {
            String path = entry.get(0).asText();
            String value = ProvisionRunner.text(entry.get(1));
            if (device.stored(path) == null) {
                refresh(path);
            }
            AcsDevice.Stored stored = device.stored(path);
            if (stored == null || stored.object() || !stored.writable() || value.equals(stored.value())) {
                continue;
            }
            send.add(new String[] {path, value});
        }
        if (!send.isEmpty()) {
            device.cpe.setParameterValues(send);
            send.forEach(v -> device.store(v[0], v[1], now));
        }
    }

    /** GenieACS adds the instance, then sets the task's values on it (they are the instance's keys). */
    private void addObject(ObjectNode task) throws Tr069Cpe.CwmpFault {
        String object = task.path("objectName").asText().replaceAll("\\.$", "");
        int instance = device.cpe.addObject(object);
        String row = object + "." + instance;
        List<String[]> values = new ArrayList<>();
        for (JsonNode entry : task.path("parameterValues")) {
            values.add(new String[] {row + "." + entry.get(0).asText(), ProvisionRunner.text(entry.get(1))});
        }
        if (!values.isEmpty()) {
            device.cpe.setParameterValues(values);
        }
        device.fetch(row, now);
        values.forEach(v -> device.store(v[0], v[1], now));
    }

    static Comparator<ObjectNode> byWeight() {
        return Comparator.comparingInt(p -> p.path("weight").asInt(0));
    }

    /** A fault the ACS itself records (session timed out, broke off): not the router's CWMP answer. */
    static final class TaskFault extends Exception {

        final String code;

        TaskFault(String code, String message) {
            super(message);
            this.code = code;
        }
    }
}
