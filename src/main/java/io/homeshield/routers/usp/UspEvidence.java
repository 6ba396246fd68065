package io.homeshield.routers.usp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.homeshield.enforcement.EvidenceBundle;
import io.homeshield.enforcement.EvidenceUploads;
import io.homeshield.enforcement.EvidenceUploads.UploadOutcome;
import io.homeshield.enforcement.EvidenceUploads.UploadSlot;
import io.homeshield.enforcement.RouterControlException;
import io.homeshield.enforcement.RouterTarget;
import io.homeshield.routers.usp.proto.UspMsgProto.GetResp;
import io.homeshield.routers.usp.proto.UspMsgProto.GetSupportedDMResp;
import io.homeshield.routers.usp.proto.UspMsgProto.Msg;
import io.homeshield.routers.usp.proto.UspMsgProto.OperateResp;
import io.homeshield.routers.usp.proto.UspMsgProto.Response;
import io.quarkus.logging.Log;

/**
 * Evidence from a USP agent, reading only. The agent's supported data model ({@code GetSupportedDM}
 * of {@code Device.}, first level) names the top-level objects; each is read with its own {@code Get}
 * (a partial path, no depth limit), so one answer stays small enough for the broker and the
 * controller's record limit, and an object the agent fails to read (obuspa answers the whole
 * requested path with the first parameter's error) costs only that object. Vendor log files are
 * uploaded with {@code Device.DeviceInfo.VendorLogFile.{i}.Upload()} to an address of HomeShield's
 * own, valid for that file only, where the supported model has the command. Whatever the agent does
 * not give is named in plain words.
 */
final class UspEvidence {

    static final String ROOT = "Device.";
    static final String LOG_FILES = "Device.DeviceInfo.VendorLogFile.";
    static final String UPLOAD = "Upload()";
    private static final Pattern TOP_LEVEL = Pattern.compile("Device\\.([A-Za-z0-9_-]+)\\.(\\{i\\}\\.)?");
    private static final Pattern LOG_FILE_NAME = Pattern.compile(Pattern.quote(LOG_FILES) + "(\\d+)\\.Name");

    /** Sends a request to the router's agent and returns its answer. */
    interface Agent {
        Response call(Msg request) throws RouterControlException;
    }

    private final Agent agent;
    private final EvidenceUploads uploads;

    UspEvidence(Agent agent, EvidenceUploads uploads) {
        this.agent = agent;
        this.uploads = uploads;
    }

    EvidenceBundle collect(RouterTarget router) throws RouterControlException {
        EvidenceBundle.Builder evidence = EvidenceBundle.builder();
        Map<String, String> parameters = new TreeMap<>();
        boolean answered = false;
        for (String object : topLevelObjects()) {
            try {
                read(object, parameters, evidence);
                answered = true;
            } catch (UspRequestRefused e) {
                evidence.notCollected(object + ": the router refused to read it (USP error " + e.code() + ", "
                        + plain(e.agentMessage()) + ").");
                answered = true;
            } catch (RouterControlException e) {
                if (!answered || !e.retryable()) {
                    throw e;
                }
                evidence.notCollected(object + ": the router did not answer in time (an answer above the size the"
                        + " controller takes is dropped).");
            }
        }
        evidence.parameters(parameters);
        vendorLogFiles(router, parameters, evidence);
        evidence.notCollected("Configuration file: not asked for over USP (VendorConfigFile Backup() is not used).");
        return evidence.build();
    }

    /** The top-level objects the agent supports, or {@code Device.} as one path if it does not say. */
    private List<String> topLevelObjects() throws RouterControlException {
        GetSupportedDMResp answer;
        try {
            answer = agent.call(UspMessages.getSupportedDmFirstLevel(ROOT, false)).getGetSupportedDmResp();
        } catch (UspRequestRefused e) {
            Log.infof("USP agent did not tell its top-level objects (error %d); reading Device. at once", e.code());
            return List.of(ROOT);
        }
        List<String> objects = new ArrayList<>();
        for (GetSupportedDMResp.RequestedObjectResult requested : answer.getReqObjResultsList()) {
            for (GetSupportedDMResp.SupportedObjectResult object : requested.getSupportedObjsList()) {
                Matcher m = TOP_LEVEL.matcher(object.getSupportedObjPath());
                String path = ROOT + (m.matches() ? m.group(1) + "." : "");
                if (m.matches() && !objects.contains(path)) {
                    objects.add(path);
                } else if (object.getSupportedObjPath().equals(ROOT)) {
                    object.getSupportedParamsList().forEach(param -> objects.add(0, ROOT + param.getParamName()));
                }
            }
        }
        return objects.isEmpty() ? List.of(ROOT) : objects;
    }

    private void read(String path, Map<String, String> parameters, EvidenceBundle.Builder evidence)
            throws RouterControlException {
        GetResp answer = agent.call(UspMessages.get(path)).getGetResp();
        for (GetResp.RequestedPathResult requested : answer.getReqPathResultsList()) {
            if (requested.getErrCode() != 0) {
                evidence.notCollected(requested.getRequestedPath() + ": the router could not read it (USP error "
                        + requested.getErrCode() + ", " + plain(requested.getErrMsg()) + ").");
                continue;
            }
            for (GetResp.ResolvedPathResult resolved : requested.getResolvedPathResultsList()) {
                resolved.getResultParamsMap().forEach((name, value)
                        -> parameters.put(resolved.getResolvedPath() + name, value));
            }
        }
    }

    private void vendorLogFiles(RouterTarget router, Map<String, String> parameters, EvidenceBundle.Builder evidence)
            throws RouterControlException {
        Map<String, String> logFiles = new LinkedHashMap<>();
        parameters.forEach((path, value) -> {
            Matcher m = LOG_FILE_NAME.matcher(path);
            if (m.matches()) {
                logFiles.put(LOG_FILES + m.group(1) + ".", value.isBlank() ? "#" + m.group(1) : value);
            }
        });
        if (logFiles.isEmpty()) {
            evidence.notCollected("Vendor log file: the router lists none (Device.DeviceInfo.VendorLogFile).");
            return;
        }
        if (!canUpload()) {
            evidence.notCollected("Vendor log files " + String.join(", ", logFiles.values())
                    + ": the router cannot upload them (its data model has no VendorLogFile Upload()).");
            return;
        }
        for (Map.Entry<String, String> logFile : logFiles.entrySet()) {
            upload(router, logFile.getKey(), "Vendor log file " + logFile.getValue(), evidence);
        }
    }

    private boolean canUpload() throws RouterControlException {
        try {
            GetSupportedDMResp answer = agent.call(UspMessages.getSupportedDmFirstLevel(LOG_FILES, true))
                    .getGetSupportedDmResp();
            return answer.getReqObjResultsList().stream().filter(r -> r.getErrCode() == 0)
                    .flatMap(r -> r.getSupportedObjsList().stream())
                    .flatMap(o -> o.getSupportedCommandsList().stream())
                    .anyMatch(c -> UPLOAD.equals(c.getCommandName()));
        } catch (UspRequestRefused e) {
            return false;
        }
    }

    /**
     * Asks the agent to upload the file and waits for it: the agent answers the Operate at once with
     * the Request object that tracks the upload (an asynchronous command) and uploads afterwards.
     */
    private void upload(RouterTarget router, String object, String name, EvidenceBundle.Builder evidence)
            throws RouterControlException {
        UploadSlot slot = uploads.open(router, name);
        OperateResp answer;
        try {
            answer = agent.call(UspMessages.operate(object + UPLOAD, Map.of("URL", slot.url()))).getOperateResp();
        } catch (UspRequestRefused e) {
            uploads.close(slot);
            evidence.notCollected(name + ": the router refused to upload it (USP error " + e.code() + ", "
                    + plain(e.agentMessage()) + ").");
            return;
        }
        for (OperateResp.OperationResult result : answer.getOperationResultsList()) {
            if (result.hasCmdFailure()) {
                uploads.close(slot);
                evidence.notCollected(name + ": the router refused to upload it (USP error "
                        + result.getCmdFailure().getErrCode() + ", " + plain(result.getCmdFailure().getErrMsg())
                                + ").");
                return;
            }
        }
        UploadOutcome outcome = uploads.await(slot);
        if (outcome.arrived()) {
            evidence.file(name, text(outcome.content()));
        } else if (outcome.refusal() != null) {
            evidence.notCollected(outcome.refusal());
        } else {
            evidence.notCollected(name + ": the router accepted the upload command but did not upload the file in "
                    + "time.");
        }
    }

    /** A log file as text; one that is not UTF-8 (a packet capture) is kept as Base64 and says so. */
    static String text(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            return "base64:" + Base64.getEncoder().encodeToString(content);
        }
    }

    private static String plain(String agentMessage) {
        return agentMessage == null || agentMessage.isBlank() ? "no reason given" : "\"" + agentMessage + "\"";
    }
}
