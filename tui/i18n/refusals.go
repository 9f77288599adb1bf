package i18n

// refusals are the workflow's "no", keyed "refusal.<code>".
var refusals = map[string]Text{
	"refusal.maker_cannot_sign":         {"这是您制作的单据,须由他人审核", "you made this document: someone else must sign it off"},
	"refusal.editor_cannot_sign":        {"您在上次审核后修改过该单据,须由他人审核", "you edited this document since its last sign-off: someone else must sign it off"},
	"refusal.role_not_allowed":          {"此操作需要以下角色之一: %s", "this needs one of the roles: %s"},
	"refusal.no_such_transition":        {"单据当前状态下不能执行此操作", "not possible in the document's current status"},
	"refusal.stale_status":              {"单据已被他人更改,请刷新", "the document changed meanwhile: refresh it"},
	"refusal.comment_required":          {"请填写意见", "a comment is required"},
	"refusal.not_editable":              {"单据当前状态不可修改", "the document cannot be edited in its current status"},
	"refusal.terms_need_signoff":        {"付款方式和信用额度须经审核后才能生效", "payment terms and credit change only through a reviewed terms change"},
	"refusal.pending_terms_change":      {"该客户已有待审核的付款条件变更,请等审核后再改", "a terms change for this customer is already waiting for review"},
	"refusal.maker_only":                {"只有制单人可以执行此操作", "only the document's maker may do this"},
	"refusal.not_allowed":               {"无权执行此操作", "not allowed"},
	"refusal.voided":                    {"记录已作废", "the record is void"},
	"refusal.no_delete":                 {"记录不能删除,只能作废", "records are voided, never deleted"},
	"refusal.append_only":               {"审计记录不可修改", "audit records cannot be changed"},
	"refusal.status_without_transition": {"状态只能通过审批流程变更", "a status changes only through the workflow"},
	"refusal.edit_window":               {"单据正在另一处保存,请稍后再试", "the document is being saved elsewhere: try again in a moment"},
	"refusal.unknown":                   {"被拒绝: %s", "refused: %s"},
}
