package io.homeshield.routers.usp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.homeshield.routers.usp.proto.UspMsgProto.Add;
import io.homeshield.routers.usp.proto.UspMsgProto.AddResp;
import io.homeshield.routers.usp.proto.UspMsgProto.Body;
import io.homeshield.routers.usp.proto.UspMsgProto.Delete;
import io.homeshield.routers.usp.proto.UspMsgProto.DeleteResp;
import io.homeshield.routers.usp.proto.UspMsgProto.Error;
import io.homeshield.routers.usp.proto.UspMsgProto.Get;
import io.homeshield.routers.usp.proto.UspMsgProto.GetResp;
import io.homeshield.routers.usp.proto.UspMsgProto.GetSupportedDM;
import io.homeshield.routers.usp.proto.UspMsgProto.GetSupportedDMResp;
import io.homeshield.routers.usp.proto.UspMsgProto.Header;
import io.homeshield.routers.usp.proto.UspMsgProto.Header.MsgType;
import io.homeshield.routers.usp.proto.UspMsgProto.Msg;
import io.homeshield.routers.usp.proto.UspMsgProto.Operate;
import io.homeshield.routers.usp.proto.UspMsgProto.OperateResp;
import io.homeshield.routers.usp.proto.UspMsgProto.Response;
import io.homeshield.routers.usp.proto.UspMsgProto.SetResp;

/**
 * The TR-181 data model of a test router's USP agent: the tables an agent serves, with their unique
 * keys, writable and read-only parameters, and the Get/GetSupportedDM/Add/Set/Delete/Operate
 * semantics of TR-369 with {@code allow_partial = false} (an object that fails makes the whole
 * message an Error), answering as the reference agent obuspa does.
 */
final class AgentDataModel {

    static final String ACCESS_CONTROL = "Device.Hosts.AccessControl.";
    static final String HOSTS = "Device.Hosts.Host.";
    static final String SUBSCRIPTIONS = "Device.LocalAgent.Subscription.";
    static final String DNS_SERVERS = "Device.DNS.Client.Server.";
    static final String DEVICE_INFO = "Device.DeviceInfo.";
    static final String FIRMWARE_IMAGES = "Device.DeviceInfo.FirmwareImage.";
    static final String VENDOR_LOG_FILES = "Device.DeviceInfo.VendorLogFile.";

    private static final Pattern UPLOAD_COMMAND = Pattern.compile(
            Pattern.quote(VENDOR_LOG_FILES) + "(\\d+)\\.Upload\\(\\)");

    private static final Pattern FIRMWARE_COMMAND = Pattern.compile(
            Pattern.quote(FIRMWARE_IMAGES) + "(\\d+)\\.(Download|Activate)\\(\\)");

    private static final Pattern INSTANCE = Pattern.compile("(.+\\.)(\\d+)\\.");

    private final Map<String, Table> tables = new LinkedHashMap<>();
    /** Single-instance objects ({@code Device.DeviceInfo.}) and their parameters. */
    private final Map<String, Map<String, String>> objects = new LinkedHashMap<>();
    private Runnable beforeNextAdd;
    private Refusal commandFailure;
    private int runningRequests;
    /** What each vendor log file holds, by instance: what its Upload() sends. */
    private final Map<Integer, byte[]> logContents = new LinkedHashMap<>();
    /** Parameters the agent fails to read, with the USP error its vendor layer gives for them. */
    private final Map<String, Refusal> unreadable = new LinkedHashMap<>();
    /** Uploads the agent accepted and has yet to carry out (after its OperateResp). */
    private final List<Upload> uploads = new ArrayList<>();

    /**
     * An accepted {@code Upload()}: where to, with which credentials, the file, and the command as the controller sent
     * it.
     */
    record Upload(String command, String commandKey, String url, String username, String password, byte[] content,
            String fileName) {
    }

    /** A multi-instance object: its instances' parameters by instance number. */
    static final class Table {
        final List<String> uniqueKeys;
        Set<String> writable;
        final Set<String> readOnly;
        final boolean creatable;
        final TreeMap<Integer, Map<String, String>> instances = new TreeMap<>();
        int nextInstance = 1;

        Table(List<String> uniqueKeys, Set<String> writable, Set<String> readOnly, boolean creatable) {
            this.uniqueKeys = uniqueKeys;
            this.writable = writable;
            this.readOnly = readOnly;
            this.creatable = creatable;
        }
    }

    /**
     * An operation failed on one object; with allow_partial false the agent answers an Error for all
     * of it. A parameter that failed makes the message fail with 7004 (invalid arguments) and names
     * the parameter's own error, as obuspa does.
     */
    private static final class Refusal extends Exception {
        final int code;
        final int messageCode;
        final String path;

        Refusal(int code, String path, String message) {
            this(code, code, path, message);
        }

        Refusal(int messageCode, int code, String path, String message) {
            super(message, null, false, false);
            this.code = code;
            this.messageCode = messageCode;
            this.path = path;
        }

        static Refusal parameter(int code, String path, String message) {
            return new Refusal(7004, code, path, message);
        }
    }

    /** The parameters of {@code Device.Hosts.AccessControl.{i}.} every implementation has (TR-181 core). */
    static final Set<String> CORE_ACCESS_CONTROL = Set.of("Alias", "PhysAddress", "HostName", "Enable", "AccessPolicy");
    private static final Set<String> DEVICE_INFO_WRITABLE = Set.of("ProvisioningCode");

    AgentDataModel() {
        tables.put(ACCESS_CONTROL, new Table(List.of("Alias", "PhysAddress"),
                Set.of("Alias", "PhysAddress", "PhysAddressMask", "HostName", "Enable", "AccessPolicy", "Origin",
                        "ScheduleRef"), Set.of(), true));
        tables.put(HOSTS, new Table(List.of("PhysAddress"), Set.of(),
                Set.of("PhysAddress", "IPAddress", "HostName", "Active", "InterfaceType"), false));
        tables.put(SUBSCRIPTIONS, new Table(List.of("ID"),
                Set.of("Alias", "Enable", "ID", "NotifType", "ReferenceList", "Persistent", "NotifRetry",
                        "NotifExpiration", "TimeToLive"), Set.of("Recipient", "CreationDate"), true));
        tables.put(DNS_SERVERS, new Table(List.of("DNSServer"), Set.of("Enable", "DNSServer", "Interface"),
                Set.of("Status", "Type"), true));
        objects.put(DEVICE_INFO, new LinkedHashMap<>(Map.of("SoftwareVersion", "1.4.2",
                "ActiveFirmwareImage", FIRMWARE_IMAGES + "1", "ProvisioningCode", "")));
        tables.put(FIRMWARE_IMAGES, new Table(List.of("Alias"), Set.of(),
                Set.of("Alias", "Name", "Version", "Status", "Available"), false));
        put(FIRMWARE_IMAGES, Map.of("Alias", "cpe-1", "Name", "hs-box-1.4.2", "Version", "1.4.2", "Status", "Active",
                "Available", "true"));
        put(FIRMWARE_IMAGES, Map.of("Alias", "cpe-2", "Name", "", "Version", "", "Status", "NoImage",
                "Available", "false"));
        tables.put(VENDOR_LOG_FILES, new Table(List.of("Alias"), Set.of(),
                Set.of("Alias", "Name", "MaximumSize", "Persistent"), false));
    }

    /** A log file the router keeps (obuspa's vendor layers: syslog from logread, kernlog from dmesg). */
    synchronized int addVendorLogFile(String name, byte[] content) {
        int instance = put(VENDOR_LOG_FILES, Map.of("Alias", "cpe-" + name, "Name", name, "MaximumSize", "0",
                "Persistent", "false"));
        logContents.put(instance, content);
        return instance;
    }

    /**
     * The agent's vendor layer fails to read this parameter: a Get of any path that includes it fails with the error.
     */
    synchronized void failReading(String parameterPath, int code, String message) {
        unreadable.put(parameterPath, new Refusal(code, parameterPath, message));
    }

    /** The Upload() commands accepted since the last call, to be carried out by the agent. */
    synchronized List<Upload> takeUploads() {
        List<Upload> taken = List.copyOf(uploads);
        uploads.clear();
        return taken;
    }

    /** The commands the agent takes from now on fail with this USP error, as a router that cannot carry them out. */
    synchronized void failCommands(int code, String message) {
        commandFailure = new Refusal(code, "", message);
    }

    /**
     * An agent implementing only the core parameters of {@code Device.Hosts.AccessControl.{i}.}
     * (obuspa's vendor layer on many routers): {@code Origin} and the others are not in its data model.
     */
    synchronized void coreParametersOnly() {
        tables.get(ACCESS_CONTROL).writable = CORE_ACCESS_CONTROL;
    }

    /** What a factory reset leaves: none of the controller's subscriptions, none of the access-control rows. */
    synchronized void factoryReset() {
        for (String path : List.of(SUBSCRIPTIONS, ACCESS_CONTROL)) {
            Table table = tables.get(path);
            if (table != null) {
                table.instances.clear();
                table.nextInstance = 1;
            }
        }
    }

    /** Every parameter below {@code prefix} by its full path, as an agent polls them for ValueChange. */
    synchronized Map<String, String> parametersUnder(String prefix) {
        Map<String, String> values = new TreeMap<>();
        tables.forEach((path, table) -> table.instances.forEach((i, params) -> params.forEach((name, value) -> {
            String full = path + i + "." + name;
            if (full.startsWith(prefix)) {
                values.put(full, value);
            }
        })));
        objects.forEach((path, params) -> params.forEach((name, value) -> {
            if ((path + name).startsWith(prefix)) {
                values.put(path + name, value);
            }
        }));
        return values;
    }

    /** A router model whose agent does not serve {@code Device.DNS.Client.} (its vendor layer leaves it out). */
    synchronized void dropDnsServers() {
        tables.remove(DNS_SERVERS);
    }

    /** A router model without {@code Device.Hosts.AccessControl} (older than Device:2.14). */
    synchronized void dropAccessControl() {
        tables.remove(ACCESS_CONTROL);
    }

    /** Something that happens on the router between a controller's read and its Add (the router's own UI, say). */
    synchronized void beforeNextAdd(Runnable change) {
        this.beforeNextAdd = change;
    }

    synchronized int put(String tablePath, Map<String, String> params) {
        Table table = tables.get(tablePath);
        int instance = table.nextInstance++;
        table.instances.put(instance, new LinkedHashMap<>(params));
        return instance;
    }

    /** A copy of the table's instances. */
    synchronized Map<Integer, Map<String, String>> rows(String tablePath) {
        Map<Integer, Map<String, String>> copy = new TreeMap<>();
        Table table = tables.get(tablePath);
        if (table != null) {
            table.instances.forEach((i, params) -> copy.put(i, Map.copyOf(params)));
        }
        return copy;
    }

    /** Changes a parameter as the router's own UI would; tells {@code changed} the full path. */
    synchronized void change(String tablePath, int instance, String param, String value,
            BiConsumer<String, String> changed) {
        tables.get(tablePath).instances.get(instance).put(param, value);
        changed.accept(tablePath + instance + "." + param, value);
    }

    synchronized Msg answer(Msg request) {
        String id = request.getHeader().getMsgId();
        try {
            return switch (request.getBody().getRequest().getReqTypeCase()) {
                case GET -> response(id, MsgType.GET_RESP,
                        Response.newBuilder().setGetResp(get(request.getBody().getRequest().getGet())));
                case ADD -> response(id, MsgType.ADD_RESP,
                        Response.newBuilder().setAddResp(add(request.getBody().getRequest().getAdd())));
                case SET -> response(id, MsgType.SET_RESP,
                        Response.newBuilder().setSetResp(set(request.getBody().getRequest().getSet())));
                case DELETE -> response(id, MsgType.DELETE_RESP,
                        Response.newBuilder().setDeleteResp(delete(request.getBody().getRequest().getDelete())));
                case OPERATE -> response(id, MsgType.OPERATE_RESP,
                        Response.newBuilder().setOperateResp(operate(request.getBody().getRequest().getOperate())));
                case GET_SUPPORTED_DM -> response(id, MsgType.GET_SUPPORTED_DM_RESP, Response.newBuilder()
                        .setGetSupportedDmResp(supportedDm(request.getBody().getRequest().getGetSupportedDm())));
                default -> error(id, 7001, "", "Message type not supported");
            };
        } catch (Refusal r) {
            return error(id, r.messageCode, r.code, r.path, r.getMessage());
        }
    }

    static Msg error(String msgId, int code, String path, String message) {
        return error(msgId, code, code, path, message);
    }

    static Msg error(String msgId, int messageCode, int code, String path, String message) {
        Error.Builder error = Error.newBuilder().setErrCode(messageCode)
                .setErrMsg(messageCode == code ? message : "Invalid arguments");
        if (!path.isEmpty()) {
            error.addParamErrs(Error.ParamError.newBuilder().setParamPath(path).setErrCode(code).setErrMsg(message));
        }
        return Msg.newBuilder().setHeader(Header.newBuilder().setMsgId(msgId).setMsgType(MsgType.ERROR))
                .setBody(Body.newBuilder().setError(error)).build();
    }

    private static Msg response(String msgId, MsgType type, Response.Builder response) {
        return Msg.newBuilder().setHeader(Header.newBuilder().setMsgId(msgId).setMsgType(type))
                .setBody(Body.newBuilder().setResponse(response)).build();
    }

    /**
     * As obuspa answers a Get: each requested path gets its own result. A partial path (ending in
     * '.') resolves to every parameter below it, each grouped under its parent object as the resolved
     * path; a path the schema lacks is error 7026; a path with no instances is an empty success; if
     * any parameter below a path fails to be read, that path's result carries the first error and no
     * values, while the other paths are answered as usual.
     */
    private GetResp get(Get get) {
        GetResp.Builder resp = GetResp.newBuilder();
        for (String path : get.getParamPathsList()) {
            GetResp.RequestedPathResult.Builder result = GetResp.RequestedPathResult.newBuilder()
                    .setRequestedPath(path);
            Map<String, Map<String, String>> found = resolve(path);
            if (found == null) {
                result.setErrCode(7026).setErrMsg("Invalid path: " + path);
            } else {
                Refusal failed = firstUnreadable(found);
                if (failed != null) {
                    result.setErrCode(failed.code).setErrMsg(failed.getMessage());
                } else {
                    found.forEach((object, params) -> {
                        if (!params.isEmpty()) {
                            result.addResolvedPathResults(resolved(object, params));
                        }
                    });
                }
            }
            resp.addReqPathResults(result);
        }
        return resp.build();
    }

    /** The parameters a path resolves to, by parent object; null when the path is not in the schema. */
    private Map<String, Map<String, String>> resolve(String path) {
        Map<String, Map<String, String>> found = new LinkedHashMap<>();
        if (!path.endsWith(".")) {
            String object = path.substring(0, path.lastIndexOf('.') + 1);
            String param = path.substring(path.lastIndexOf('.') + 1);
            Map<String, String> params = instanceParams(object);
            if (params == null || !params.containsKey(param)) {
                return null;
            }
            found.put(object, Map.of(param, params.get(param)));
            return found;
        }
        boolean inSchema = false;
        for (String schemaPath : schemaPaths()) {
            if (schemaPath.startsWith(path)) {
                inSchema = true;
            }
        }
        Matcher instance = INSTANCE.matcher(path);
        if (instance.matches() && tables.containsKey(instance.group(1))) {
            inSchema = true;
        }
        if (!inSchema) {
            return null;
        }
        objects.forEach((object, params) -> {
            if (object.startsWith(path)) {
                found.put(object, params);
            }
        });
        tables.forEach((table, rows) -> rows.instances.forEach((i, params) -> {
            String object = table + i + ".";
            if (object.startsWith(path)) {
                found.put(object, params);
            }
        }));
        return found;
    }

    private Map<String, String> instanceParams(String object) {
        if (objects.containsKey(object)) {
            return objects.get(object);
        }
        Matcher instance = INSTANCE.matcher(object);
        if (instance.matches() && tables.containsKey(instance.group(1))) {
            return tables.get(instance.group(1)).instances.get(Integer.valueOf(instance.group(2)));
        }
        return null;
    }

    private Refusal firstUnreadable(Map<String, Map<String, String>> found) {
        for (Map.Entry<String, Map<String, String>> object : found.entrySet()) {
            for (String param : object.getValue().keySet()) {
                Refusal failure = unreadable.get(object.getKey() + param);
                if (failure != null) {
                    return failure;
                }
            }
        }
        return null;
    }

    /** Every object of the schema: single-instance objects and tables as {@code Table.}. */
    private List<String> schemaPaths() {
        List<String> paths = new ArrayList<>(objects.keySet());
        paths.addAll(tables.keySet());
        return paths;
    }

    /**
     * What the agent's data model has below each requested object, with each parameter's access. With
     * {@code first_level_only}, as obuspa walks its schema: the requested object itself (with its
     * parameters and commands) and its immediate child objects (paths only). Commands only when asked.
     */
    private GetSupportedDMResp supportedDm(GetSupportedDM request) {
        GetSupportedDMResp.Builder resp = GetSupportedDMResp.newBuilder();
        for (String requested : request.getObjPathsList()) {
            GetSupportedDMResp.RequestedObjectResult.Builder result =
                    GetSupportedDMResp.RequestedObjectResult.newBuilder().setReqObjPath(requested);
            if (request.getFirstLevelOnly()) {
                firstLevel(requested.replace("{i}.", ""), request.getReturnCommands(), result);
            } else {
                objects.forEach((path, params) -> {
                    if (path.startsWith(requested)) {
                        Set<String> writable = path.equals(DEVICE_INFO) ? DEVICE_INFO_WRITABLE : Set.of();
                        result.addSupportedObjs(withCommands(supportedObject(path, false, false, params.keySet(),
                                writable),
                                path, request.getReturnCommands()));
                    }
                });
                tables.forEach((path, table) -> {
                    if (path.startsWith(requested)) {
                        result.addSupportedObjs(withCommands(tableObject(path, table), path + "{i}.",
                                request.getReturnCommands()));
                    }
                });
            }
            if (result.getSupportedObjsCount() == 0) {
                result.setErrCode(7026).setErrMsg("Invalid path: " + requested);
            }
            resp.addReqObjResults(result);
        }
        return resp.build();
    }

    private void firstLevel(String requested, boolean commands,
            GetSupportedDMResp.RequestedObjectResult.Builder result) {
        Table table = tables.get(requested);
        if (table != null) {
            result.addSupportedObjs(withCommands(tableObject(requested, table), requested + "{i}.", commands));
            return;
        }
        boolean known = false;
        Map<String, GetSupportedDMResp.SupportedObjectResult> children = new LinkedHashMap<>();
        for (String path : schemaPaths()) {
            if (!path.startsWith(requested)) {
                continue;
            }
            known = true;
            String rest = path.substring(requested.length());
            if (rest.isEmpty()) {
                continue;
            }
            String child = requested + rest.substring(0, rest.indexOf('.') + 1);
            boolean multi = child.equals(path) && tables.containsKey(path);
            children.putIfAbsent(child, supportedObject(multi ? child + "{i}." : child, multi, false, Set.of(),
                    Set.of()));
        }
        if (!known) {
            return;
        }
        Map<String, String> params = objects.getOrDefault(requested, Map.of());
        Set<String> writable = requested.equals(DEVICE_INFO) ? DEVICE_INFO_WRITABLE : Set.of();
        result.addSupportedObjs(withCommands(supportedObject(requested, false, false, params.keySet(), writable),
                requested, commands));
        children.values().forEach(result::addSupportedObjs);
    }

    private GetSupportedDMResp.SupportedObjectResult tableObject(String path, Table table) {
        Set<String> all = new java.util.TreeSet<>(table.writable);
        all.addAll(table.readOnly);
        return supportedObject(path + "{i}.", true, table.creatable, all, table.writable);
    }

    /** The commands of an object, as obuspa lists them: name, input arguments, synchronous or not. */
    private static GetSupportedDMResp
            .SupportedObjectResult withCommands(GetSupportedDMResp.SupportedObjectResult object,
            String schemaPath, boolean commands) {
        if (!commands) {
            return object;
        }
        GetSupportedDMResp.SupportedObjectResult.Builder with = object.toBuilder();
        switch (schemaPath) {
            case "Device." -> {
                with.addSupportedCommands(command("Reboot()", List.of(), GetSupportedDMResp.CmdType.CMD_SYNC));
                with.addSupportedCommands(command("FactoryReset()", List.of(), GetSupportedDMResp.CmdType.CMD_SYNC));
            }
            case FIRMWARE_IMAGES + "{i}." -> {
                with.addSupportedCommands(command("Download()", List.of("URL", "AutoActivate", "Username", "Password",
                        "FileSize", "CheckSumAlgorithm", "CheckSum"), GetSupportedDMResp.CmdType.CMD_ASYNC));
                with.addSupportedCommands(command("Activate()", List.of(), GetSupportedDMResp.CmdType.CMD_ASYNC));
            }
            case VENDOR_LOG_FILES + "{i}." -> with.addSupportedCommands(
                    command("Upload()", List.of("URL", "Username", "Password"), GetSupportedDMResp.CmdType.CMD_ASYNC));
            default -> {
            }
        }
        return with.build();
    }

    private static GetSupportedDMResp.SupportedCommandResult command(String name, List<String> inputs,
            GetSupportedDMResp.CmdType type) {
        return GetSupportedDMResp.SupportedCommandResult.newBuilder().setCommandName(name).addAllInputArgNames(inputs)
                .setCommandType(type).build();
    }

    private static GetSupportedDMResp.SupportedObjectResult supportedObject(String path, boolean multiInstance,
            boolean creatable, Set<String> params, Set<String> writable) {
        GetSupportedDMResp.SupportedObjectResult.Builder object = GetSupportedDMResp.SupportedObjectResult.newBuilder()
                .setSupportedObjPath(path).setIsMultiInstance(multiInstance)
                .setAccess(creatable ? GetSupportedDMResp.ObjAccessType.OBJ_ADD_DELETE
                        : GetSupportedDMResp.ObjAccessType.OBJ_READ_ONLY);
        for (String param : new java.util.TreeSet<>(params)) {
            object.addSupportedParams(GetSupportedDMResp.SupportedParamResult.newBuilder().setParamName(param)
                    .setAccess(writable.contains(param) ? GetSupportedDMResp.ParamAccessType.PARAM_READ_WRITE
                            : GetSupportedDMResp.ParamAccessType.PARAM_READ_ONLY));
        }
        return object.build();
    }

    private static GetResp.ResolvedPathResult resolved(String path, Map<String, String> params) {
        return GetResp.ResolvedPathResult.newBuilder().setResolvedPath(path).putAllResultParams(params).build();
    }

    /**
     * Device.Reboot() and Device.FactoryReset() are synchronous: their result has no output
     * arguments. A firmware image's Download() (URL required) and Activate() run on: their result
     * names the Request object that tracks them. A command the data model lacks is an Error.
     */
    private OperateResp operate(Operate operate) throws Refusal {
        String command = operate.getCommand();
        OperateResp.OperationResult.Builder result = OperateResp.OperationResult.newBuilder()
                .setExecutedCommand(command);
        Matcher firmware = FIRMWARE_COMMAND.matcher(command);
        Matcher upload = UPLOAD_COMMAND.matcher(command);
        Table logFiles = tables.get(VENDOR_LOG_FILES);
        boolean known = command.equals("Device.Reboot()") || command.equals("Device.FactoryReset()")
                || firmware.matches() && tables.get(FIRMWARE_IMAGES).instances
                        .containsKey(Integer.valueOf(firmware.group(1)))
                || upload.matches() && logFiles != null
                        && logFiles.instances.containsKey(Integer.valueOf(upload.group(1)));
        if (!known) {
            throw new Refusal(7026, command, "Invalid path: command not in the data model");
        }
        if (commandFailure != null) {
            return OperateResp.newBuilder().addOperationResults(result.setCmdFailure(
                    OperateResp.OperationResult.CommandFailure.newBuilder().setErrCode(commandFailure.code)
                            .setErrMsg(commandFailure.getMessage()))).build();
        }
        if (upload.matches()) {
            // Asynchronous, as obuspa's vendor layers register it: accepted at once, carried out afterwards.
            int instance = Integer.parseInt(upload.group(1));
            uploads.add(new Upload(command, operate.getCommandKey(), operate.getInputArgsOrDefault("URL", ""),
                    operate.getInputArgsOrDefault("Username", ""), operate.getInputArgsOrDefault("Password", ""),
                    logContents.getOrDefault(instance, new byte[0]),
                    logFiles.instances.get(instance).get("Name")));
            result.setReqObjPath("Device.LocalAgent.Request." + ++runningRequests + ".");
        } else if (firmware.matches()) {
            if (firmware.group(2).equals("Download") && operate.getInputArgsOrDefault("URL", "").isBlank()) {
                return OperateResp.newBuilder().addOperationResults(result.setCmdFailure(
                        OperateResp.OperationResult.CommandFailure.newBuilder().setErrCode(7027)
                                .setErrMsg("Invalid command arguments: URL is required"))).build();
            }
            result.setReqObjPath("Device.LocalAgent.Request." + ++runningRequests + ".");
        } else {
            result.setReqOutputArgs(OperateResp.OperationResult.OutputArgs.getDefaultInstance());
        }
        return OperateResp.newBuilder().addOperationResults(result).build();
    }

    private AddResp add(Add add) throws Refusal {
        if (beforeNextAdd != null) {
            beforeNextAdd.run();
            beforeNextAdd = null;
        }
        AddResp.Builder resp = AddResp.newBuilder();
        for (Add.CreateObject object : add.getCreateObjsList()) {
            Table table = tableAt(object.getObjPath());
            if (!table.creatable) {
                throw new Refusal(7019, object.getObjPath(), "Object is not creatable");
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (Add.CreateParamSetting setting : object.getParamSettingsList()) {
                params.put(setting.getParam(), checked(table, object.getObjPath(), setting.getParam(),
                        setting.getValue()));
            }
            checkUnique(table, object.getObjPath(), params, -1);
            int instance = table.nextInstance;
            params.putIfAbsent("Alias", "cpe-" + instance);
            table.nextInstance++;
            table.instances.put(instance, params);
            AddResp.CreatedObjectResult.OperationStatus.OperationSuccess.Builder success =
                    AddResp.CreatedObjectResult.OperationStatus.OperationSuccess.newBuilder()
                            .setInstantiatedPath(object.getObjPath() + instance + ".");
            table.uniqueKeys.forEach(key -> success.putUniqueKeys(key, params.getOrDefault(key, "")));
            resp.addCreatedObjResults(AddResp.CreatedObjectResult.newBuilder().setRequestedPath(object.getObjPath())
                    .setOperStatus(AddResp.CreatedObjectResult.OperationStatus.newBuilder().setOperSuccess(success)));
        }
        return resp.build();
    }

    private SetResp set(io.homeshield.routers.usp.proto.UspMsgProto.Set set) throws Refusal {
        SetResp.Builder resp = SetResp.newBuilder();
        for (var object : set.getUpdateObjsList()) {
            if (objects.containsKey(object.getObjPath())) {
                resp.addUpdatedObjResults(setObject(object));
                continue;
            }
            Matcher instance = INSTANCE.matcher(object.getObjPath());
            if (!instance.matches()) {
                throw new Refusal(7026, object.getObjPath(), "Invalid path");
            }
            Table table = tableAt(instance.group(1));
            int number = Integer.parseInt(instance.group(2));
            Map<String, String> current = table.instances.get(number);
            if (current == null) {
                throw new Refusal(7016, object.getObjPath(), "Object does not exist");
            }
            Map<String, String> updated = new LinkedHashMap<>(current);
            Map<String, String> changes = new LinkedHashMap<>();
            for (var setting : object.getParamSettingsList()) {
                changes.put(setting.getParam(),
                        checked(table, object.getObjPath(), setting.getParam(), setting.getValue()));
            }
            updated.putAll(changes);
            checkUnique(table, object.getObjPath(), updated, number);
            table.instances.put(number, updated);
            resp.addUpdatedObjResults(SetResp.UpdatedObjectResult.newBuilder().setRequestedPath(object.getObjPath())
                    .setOperStatus(SetResp.UpdatedObjectResult.OperationStatus.newBuilder()
                            .setOperSuccess(SetResp.UpdatedObjectResult.OperationStatus.OperationSuccess.newBuilder()
                                    .addUpdatedInstResults(SetResp.UpdatedInstanceResult.newBuilder()
                                            .setAffectedPath(object.getObjPath()).putAllUpdatedParams(changes)))));
        }
        return resp.build();
    }

    private SetResp.UpdatedObjectResult setObject(io.homeshield.routers.usp.proto.UspMsgProto.Set.UpdateObject object)
            throws Refusal {
        Map<String, String> params = objects.get(object.getObjPath());
        Map<String, String> changes = new LinkedHashMap<>();
        for (var setting : object.getParamSettingsList()) {
            String path = object.getObjPath() + setting.getParam();
            if (!params.containsKey(setting.getParam())) {
                throw Refusal.parameter(7010, path, "Unsupported parameter");
            }
            if (!DEVICE_INFO_WRITABLE.contains(setting.getParam())) {
                throw Refusal.parameter(7013, path, "Parameter is read only");
            }
            changes.put(setting.getParam(), setting.getValue());
        }
        params.putAll(changes);
        return SetResp.UpdatedObjectResult.newBuilder().setRequestedPath(object.getObjPath())
                .setOperStatus(SetResp.UpdatedObjectResult.OperationStatus.newBuilder()
                        .setOperSuccess(SetResp.UpdatedObjectResult.OperationStatus.OperationSuccess.newBuilder()
                                .addUpdatedInstResults(SetResp.UpdatedInstanceResult.newBuilder()
                                        .setAffectedPath(object.getObjPath()).putAllUpdatedParams(changes))))
                .build();
    }

    private DeleteResp delete(Delete delete) throws Refusal {
        DeleteResp.Builder resp = DeleteResp.newBuilder();
        for (String path : delete.getObjPathsList()) {
            Matcher instance = INSTANCE.matcher(path);
            if (!instance.matches()) {
                throw new Refusal(7026, path, "Invalid path");
            }
            Table table = tableAt(instance.group(1));
            var success = DeleteResp.DeletedObjectResult.OperationStatus.OperationSuccess.newBuilder();
            if (table.instances.remove(Integer.valueOf(instance.group(2))) != null) {
                success.addAffectedPaths(path);
            }
            resp.addDeletedObjResults(DeleteResp.DeletedObjectResult.newBuilder().setRequestedPath(path)
                    .setOperStatus(DeleteResp.DeletedObjectResult.OperationStatus.newBuilder()
                            .setOperSuccess(success)));
        }
        return resp.build();
    }

    private Table tableAt(String path) throws Refusal {
        Table table = tables.get(path);
        if (table == null) {
            throw new Refusal(7026, path, "Invalid path: object not in the supported data model");
        }
        return table;
    }

    private static String checked(Table table, String objPath, String param, String value) throws Refusal {
        if (table.readOnly.contains(param)) {
            throw Refusal.parameter(7013, objPath + param, "Parameter is read only");
        }
        if (!table.writable.contains(param)) {
            throw Refusal.parameter(7010, objPath + param, "Path is invalid");
        }
        if (("Enable".equals(param) || "Persistent".equals(param) || "NotifRetry".equals(param))
                && !Set.of("true", "false", "1", "0").contains(value)) {
            throw Refusal.parameter(7011, objPath + param, "Invalid type");
        }
        if ("AccessPolicy".equals(param) && !Set.of("Allow", "Deny").contains(value)) {
            throw Refusal.parameter(7012, objPath + param, "Invalid value");
        }
        if ("Origin".equals(param) && !Set.of("User", "System", "Controller").contains(value)) {
            throw Refusal.parameter(7012, objPath + param, "Invalid value");
        }
        return value;
    }

    private static void checkUnique(Table table, String objPath, Map<String, String> params, int self) throws Refusal {
        for (String key : table.uniqueKeys) {
            String value = params.get(key);
            if (value == null) {
                continue;
            }
            for (var other : table.instances.entrySet()) {
                if (other.getKey() != self && value.equals(other.getValue().get(key))) {
                    throw new Refusal(7025, objPath, "Unique key conflict on " + key);
                }
            }
        }
    }
}
