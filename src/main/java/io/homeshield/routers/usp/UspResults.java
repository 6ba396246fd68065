package io.homeshield.routers.usp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.homeshield.enforcement.RouterControlException;
import io.homeshield.routers.usp.proto.UspMsgProto.AddResp;
import io.homeshield.routers.usp.proto.UspMsgProto.Body;
import io.homeshield.routers.usp.proto.UspMsgProto.DeleteResp;
import io.homeshield.routers.usp.proto.UspMsgProto.Error;
import io.homeshield.routers.usp.proto.UspMsgProto.GetResp;
import io.homeshield.routers.usp.proto.UspMsgProto.Msg;
import io.homeshield.routers.usp.proto.UspMsgProto.OperateResp;
import io.homeshield.routers.usp.proto.UspMsgProto.Request;
import io.homeshield.routers.usp.proto.UspMsgProto.Response;
import io.homeshield.routers.usp.proto.UspMsgProto.SetResp;
import io.quarkus.logging.Log;

/** Reads agents' answers: USP Error messages and per-path failures become {@link UspRequestRefused}. */
final class UspResults {

    private static final Map<Request.ReqTypeCase, Response.RespTypeCase> ANSWERS = Map.of(
            Request.ReqTypeCase.GET, Response.RespTypeCase.GET_RESP,
            Request.ReqTypeCase.GET_SUPPORTED_DM, Response.RespTypeCase.GET_SUPPORTED_DM_RESP,
            Request.ReqTypeCase.ADD, Response.RespTypeCase.ADD_RESP,
            Request.ReqTypeCase.SET, Response.RespTypeCase.SET_RESP,
            Request.ReqTypeCase.DELETE, Response.RespTypeCase.DELETE_RESP,
            Request.ReqTypeCase.OPERATE, Response.RespTypeCase.OPERATE_RESP);

    private UspResults() {
    }

    /** The agent's response to the request, or the refusal it answered with. */
    static Response responseTo(Msg request, Msg reply) throws RouterControlException {
        if (reply.getBody().getMsgBodyCase() == Body.MsgBodyCase.ERROR) {
            throw refusal(reply.getBody().getError());
        }
        Response.RespTypeCase expected = ANSWERS.get(request.getBody().getRequest().getReqTypeCase());
        Response response = reply.getBody().getResponse();
        if (response.getRespTypeCase() != expected) {
            Log.warnf("USP agent answered %s with %s", request.getBody().getRequest().getReqTypeCase(),
                    response.getRespTypeCase());
            throw new RouterControlException("The router gave an answer HomeShield did not expect.", false);
        }
        return response;
    }

    /**
     * The parameters of each instance of a table, by instance path ({@code Device.Hosts.Host.3.}), in
     * instance order. Parameters of sub-objects are left out.
     */
    static Map<String, Map<String, String>> instances(GetResp answer, String tablePath) throws UspRequestRefused {
        Pattern parameter = Pattern.compile(Pattern.quote(tablePath) + "(\\d+)\\.([A-Za-z0-9_]+)");
        Map<Integer, Map<String, String>> byInstance = new TreeMap<>();
        for (GetResp.RequestedPathResult requested : answer.getReqPathResultsList()) {
            if (requested.getErrCode() != 0) {
                throw refused(requested.getErrCode(), requested.getErrMsg(), requested.getRequestedPath());
            }
            for (GetResp.ResolvedPathResult resolved : requested.getResolvedPathResultsList()) {
                resolved.getResultParamsMap().forEach((name, value) -> {
                    Matcher m = parameter.matcher(resolved.getResolvedPath() + name);
                    if (m.matches()) {
                        byInstance.computeIfAbsent(Integer.valueOf(m.group(1)), i -> new LinkedHashMap<>())
                                .put(m.group(2), value);
                    }
                });
            }
        }
        Map<String, Map<String, String>> byPath = new LinkedHashMap<>();
        byInstance.forEach((instance, params) -> byPath.put(tablePath + instance + ".", params));
        return byPath;
    }

    /** The path of the object the agent created. */
    static String created(AddResp answer) throws UspRequestRefused {
        String path = null;
        for (AddResp.CreatedObjectResult result : answer.getCreatedObjResultsList()) {
            AddResp.CreatedObjectResult.OperationStatus status = result.getOperStatus();
            if (status.hasOperFailure()) {
                throw refused(status.getOperFailure().getErrCode(), status.getOperFailure().getErrMsg(),
                        result.getRequestedPath());
            }
            path = status.getOperSuccess().getInstantiatedPath();
        }
        return path;
    }

    static void updated(SetResp answer) throws UspRequestRefused {
        for (SetResp.UpdatedObjectResult result : answer.getUpdatedObjResultsList()) {
            if (result.getOperStatus().hasOperFailure()) {
                SetResp.UpdatedObjectResult.OperationStatus.OperationFailure failure = result.getOperStatus()
                        .getOperFailure();
                throw refused(failure.getErrCode(), failure.getErrMsg(), result.getRequestedPath());
            }
        }
    }

    /** The parameters the agent reported, by full path ({@code Device.DNS.Client.Server.1.DNSServer}). */
    static Map<String, String> parameters(GetResp answer) throws UspRequestRefused {
        Map<String, String> values = new LinkedHashMap<>();
        for (GetResp.RequestedPathResult requested : answer.getReqPathResultsList()) {
            if (requested.getErrCode() != 0) {
                throw refused(requested.getErrCode(), requested.getErrMsg(), requested.getRequestedPath());
            }
            for (GetResp.ResolvedPathResult resolved : requested.getResolvedPathResultsList()) {
                resolved.getResultParamsMap().forEach((name, value)
                        -> values.put(resolved.getResolvedPath() + name, value));
            }
        }
        return values;
    }

    static void operated(OperateResp answer) throws UspRequestRefused {
        for (OperateResp.OperationResult result : answer.getOperationResultsList()) {
            if (result.hasCmdFailure()) {
                throw refused(result.getCmdFailure().getErrCode(), result.getCmdFailure().getErrMsg(),
                        result.getExecutedCommand());
            }
        }
    }

    /** Deleting an object that is already gone is no failure: the router is as wanted. */
    static void deleted(DeleteResp answer) throws UspRequestRefused {
        for (DeleteResp.DeletedObjectResult result : answer.getDeletedObjResultsList()) {
            if (result.getOperStatus().hasOperFailure()) {
                DeleteResp.DeletedObjectResult.OperationStatus.OperationFailure failure =
                        result.getOperStatus().getOperFailure();
                if (failure.getErrCode() != UspErrorReasons.OBJECT_DOES_NOT_EXIST) {
                    throw refused(failure.getErrCode(), failure.getErrMsg(), result.getRequestedPath());
                }
            }
        }
    }

    /** An Error message; its first parameter error, when there is one, names the precise cause. */
    private static UspRequestRefused refusal(Error error) {
        if (error.getParamErrsCount() > 0) {
            Error.ParamError first = error.getParamErrs(0);
            return refused(first.getErrCode(), first.getErrMsg(), first.getParamPath());
        }
        return refused(error.getErrCode(), error.getErrMsg(), "");
    }

    private static UspRequestRefused refused(int code, String agentMessage, String path) {
        Log.infof("USP agent refused %s with error %d: %s", path, code, agentMessage);
        return new UspRequestRefused(code, agentMessage);
    }
}
