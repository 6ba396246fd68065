package io.homeshield.routers.usp;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.homeshield.routers.usp.proto.UspMsgProto.Add;
import io.homeshield.routers.usp.proto.UspMsgProto.Body;
import io.homeshield.routers.usp.proto.UspMsgProto.Delete;
import io.homeshield.routers.usp.proto.UspMsgProto.Get;
import io.homeshield.routers.usp.proto.UspMsgProto.GetSupportedDM;
import io.homeshield.routers.usp.proto.UspMsgProto.Header;
import io.homeshield.routers.usp.proto.UspMsgProto.Header.MsgType;
import io.homeshield.routers.usp.proto.UspMsgProto.Msg;
import io.homeshield.routers.usp.proto.UspMsgProto.NotifyResp;
import io.homeshield.routers.usp.proto.UspMsgProto.Operate;
import io.homeshield.routers.usp.proto.UspMsgProto.Request;
import io.homeshield.routers.usp.proto.UspMsgProto.Response;
import io.homeshield.routers.usp.proto.UspMsgProto.Set;

/**
 * The USP messages the controller sends. Add and Set go with {@code allow_partial = false} and every
 * parameter required: the router takes the whole change or none of it.
 */
final class UspMessages {

    private UspMessages() {
    }

    /** Reads everything below the given paths ({@code max_depth} 0: no limit). */
    static Msg get(String... paths) {
        return request(MsgType.GET, Request.newBuilder()
                .setGet(Get.newBuilder().addAllParamPaths(List.of(paths)).setMaxDepth(0)));
    }

    /** Asks which objects and parameters below the paths the agent supports, with each parameter's access. */
    static Msg getSupportedDm(List<String> objectPaths) {
        return request(MsgType.GET_SUPPORTED_DM, Request.newBuilder().setGetSupportedDm(GetSupportedDM.newBuilder()
                .addAllObjPaths(objectPaths).setFirstLevelOnly(false).setReturnParams(true)
                .setReturnEvents(true).setReturnCommands(true)));
    }

    /** The objects one level below {@code objectPath}, with their parameters and, if asked, their commands. */
    static Msg getSupportedDmFirstLevel(String objectPath, boolean commands) {
        return request(MsgType.GET_SUPPORTED_DM, Request.newBuilder().setGetSupportedDm(GetSupportedDM.newBuilder()
                .addObjPaths(objectPath).setFirstLevelOnly(true).setReturnParams(true)
                .setReturnEvents(false).setReturnCommands(commands)));
    }

    static Msg add(String tablePath, Map<String, String> parameters) {
        Add.CreateObject.Builder object = Add.CreateObject.newBuilder().setObjPath(tablePath);
        parameters.forEach((name, value) -> object.addParamSettings(
                Add.CreateParamSetting.newBuilder().setParam(name).setValue(value).setRequired(true)));
        return request(MsgType.ADD, Request.newBuilder()
                .setAdd(Add.newBuilder().setAllowPartial(false).addCreateObjs(object)));
    }

    /** One Add creating several instances of a table: the agent creates all of them or none. */
    static Msg addAll(String tablePath, Collection<Map<String, String>> instances) {
        Add.Builder add = Add.newBuilder().setAllowPartial(false);
        for (Map<String, String> parameters : instances) {
            Add.CreateObject.Builder object = Add.CreateObject.newBuilder().setObjPath(tablePath);
            parameters.forEach((name, value) -> object.addParamSettings(
                    Add.CreateParamSetting.newBuilder().setParam(name).setValue(value).setRequired(true)));
            add.addCreateObjs(object);
        }
        return request(MsgType.ADD, Request.newBuilder().setAdd(add));
    }

    static Msg set(String objectPath, Map<String, String> parameters) {
        Set.UpdateObject.Builder object = Set.UpdateObject.newBuilder().setObjPath(objectPath);
        parameters.forEach((name, value) -> object.addParamSettings(
                Set.UpdateParamSetting.newBuilder().setParam(name).setValue(value).setRequired(true)));
        return request(MsgType.SET, Request.newBuilder()
                .setSet(Set.newBuilder().setAllowPartial(false).addUpdateObjs(object)));
    }

    /** One Set for several objects: {@code objects} maps each object path to its parameters. */
    static Msg setAll(Map<String, Map<String, String>> objects) {
        Set.Builder set = Set.newBuilder().setAllowPartial(false);
        objects.forEach((objectPath, parameters) -> {
            Set.UpdateObject.Builder object = Set.UpdateObject.newBuilder().setObjPath(objectPath);
            parameters.forEach((name, value) -> object.addParamSettings(
                    Set.UpdateParamSetting.newBuilder().setParam(name).setValue(value).setRequired(true)));
            set.addUpdateObjs(object);
        });
        return request(MsgType.SET, Request.newBuilder().setSet(set));
    }

    /** Runs a command such as {@code Device.Reboot()}; the agent answers once it has accepted it. */
    static Msg operate(String command, Map<String, String> inputArgs) {
        return request(MsgType.OPERATE, Request.newBuilder().setOperate(Operate.newBuilder().setCommand(command)
                .setCommandKey("homeshield-" + UUID.randomUUID()).setSendResp(true).putAllInputArgs(inputArgs)));
    }

    static Msg delete(List<String> objectPaths) {
        return request(MsgType.DELETE, Request.newBuilder()
                .setDelete(Delete.newBuilder().setAllowPartial(false).addAllObjPaths(objectPaths)));
    }

    /** The acknowledgement of a Notify: same msg_id, same subscription id. */
    static Msg notifyResp(String notifyMsgId, String subscriptionId) {
        return Msg.newBuilder()
                .setHeader(Header.newBuilder().setMsgId(notifyMsgId).setMsgType(MsgType.NOTIFY_RESP))
                .setBody(Body.newBuilder().setResponse(Response.newBuilder()
                        .setNotifyResp(NotifyResp.newBuilder().setSubscriptionId(subscriptionId))))
                .build();
    }

    private static Msg request(MsgType type, Request.Builder request) {
        return Msg.newBuilder()
                .setHeader(Header.newBuilder().setMsgId("homeshield-" + UUID.randomUUID()).setMsgType(type))
                .setBody(Body.newBuilder().setRequest(request))
                .build();
    }
}
