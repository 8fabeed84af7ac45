// Wire types for the Symphony endpoints we call, written from the official specs (pod-api-public.yaml,
// login-api-public.yaml, profile-manager-api.yaml, symphony-common-definitions.yaml). Field names are exactly the
// spec's; every field is optional where the spec does not mark it required, because pods omit empty fields.

// ---- Pod common -------------------------------------------------------------------------------------------------

/** Pod error body (`Error`, code is int32). */
export interface PodErrorBody { code?: number; message?: string }
/** Profile Manager error body (`COMMON.Error`, code is a string). */
export interface ProfileManagerErrorBody { code?: string; message?: string; context?: Record<string, string>; details?: unknown }

export interface SuccessResponse { format?: 'TEXT' | 'XML'; message?: string }

// ---- Session / auth ---------------------------------------------------------------------------------------------

export type AccountType = 'NORMAL' | 'SYSTEM' | 'SDL';
export interface Avatar { size?: string; url?: string }
export interface UserV2 {
  id?: number; emailAddress?: string; firstName?: string; lastName?: string; displayName?: string; title?: string;
  company?: string; username?: string; location?: string; accountType?: AccountType; avatars?: Avatar[];
  workPhoneNumber?: string; mobilePhoneNumber?: string; jobFunction?: string; department?: string; division?: string;
  roles?: string[]; userMetadata?: Record<string, unknown>;
}
export interface PodCertificate { certificate?: string }
/** `Token` from /login/pubkey/authenticate, /login/pubkey/app/authenticate and /sessionauth/v1/authenticate. */
export interface Token { name?: string; token?: string; authorizationToken?: string }
/** `JwtToken` from /login/idm/tokens. */
export interface JwtToken { token_type?: string; expires_in?: number; access_token?: string }

// ---- Company certificates ---------------------------------------------------------------------------------------

export type CompanyCertTypeName = 'USERSIGNING' | 'USER' | 'OPERATIONSSIGNING' | 'OPERATIONSUSER';
export type CompanyCertStatusName = 'TRUSTED' | 'KNOWN' | 'REVOKED' | 'DISABLED';
export interface CompanyCertType { type?: CompanyCertTypeName }
export interface CompanyCertStatus { type?: CompanyCertStatusName }
export interface CompanyCertAttributes { name?: string; type?: CompanyCertType; status?: CompanyCertStatus }
export interface CompanyCert { pem?: string; attributes?: CompanyCertAttributes }
export interface CompanyCertInfo {
  fingerPrint?: string; issuerFingerPrint?: string; lastSeen?: number; updatedAt?: number; updatedBy?: number;
  commonName?: string; expiryDate?: number;
}
export interface NameValuePair { name?: string; value?: string }
export interface CertInfoItem { name?: string; attributes?: NameValuePair[] }
export type CertInfo = CertInfoItem[];
export interface CompanyCertDetail {
  companyCertAttributes?: CompanyCertAttributes; companyCertInfo?: CompanyCertInfo; certInfo?: CertInfo;
}
export interface CompanyCertInfoItem { companyCertAttributes?: CompanyCertAttributes; companyCertInfo?: CompanyCertInfo }
export type CompanyCertInfoList = CompanyCertInfoItem[];

// ---- Applications -----------------------------------------------------------------------------------------------

export interface ApplicationInfo { appId?: string; name?: string; appUrl?: string; domain?: string; publisher?: string }
export interface AppAuthenticationKey { key?: string; expirationDate?: number; action?: 'SAVE' | 'REVOKE' | 'EXTEND' }
export interface AppAuthenticationKeys { current?: AppAuthenticationKey; previous?: AppAuthenticationKey }
export interface AppNotification { url?: string; apiKey?: string }
/** `value` is a string in the spec; some pods hold numbers (`30`), which updates send back as text. */
export interface AppProperty { key?: string; value?: string | number }
export interface ApplicationDetail {
  applicationInfo?: ApplicationInfo; iconUrl?: string; description?: string; allowOrigins?: string;
  permissions?: string[]; cert?: string; authenticationKeys?: AppAuthenticationKeys; notification?: AppNotification;
  properties?: AppProperty[];
}
export interface PodAppEntitlement { appId: string; appName: string; enable: boolean; listed: boolean; install: boolean }
export type PodAppEntitlementList = PodAppEntitlement[];
export interface Product { appId?: string; name: string; sku?: string; subscribed: boolean; type: 'default' | 'premium' | string }
export interface UserAppEntitlement { appId: string; appName?: string; listed: boolean; install: boolean; products?: Product[] }
export type UserAppEntitlementList = UserAppEntitlement[];
export type EntitlementPatchValue = 'TRUE' | 'FALSE' | 'KEEP' | 'REMOVE';
export interface UserAppEntitlementPatch { appId: string; listed?: EntitlementPatchValue; install?: EntitlementPatchValue; product?: Product }
export type UserAppEntitlementsPatchList = UserAppEntitlementPatch[];

// ---- Users (names for ids) --------------------------------------------------------------------------------------

/** `UserError` of /v3/users: one id or email the pod could not look up (`id` is a string in the spec). */
export interface UserError { error?: string; email?: string; id?: string | number }
/** `V2UserList`, the answer of GET /pod/v3/users. */
export interface V2UserList { users?: UserV2[]; errors?: UserError[] }
/** `UserSearchFilter` of POST /pod/v1/user/search. */
export interface UserSearchFilter {
  accountTypes?: AccountType[]; title?: string; company?: string; location?: string; marketCoverage?: string;
  responsibility?: string; function?: string; instrument?: string;
}
/** `UserSearchQuery`: `query` matches first name, last name, display name or email. */
export interface UserSearchQuery { query?: string; filters?: UserSearchFilter }
/** `UserSearchResults`. */
export interface UserSearchResults { count?: number; skip?: number; limit?: number; searchQuery?: UserSearchQuery; users?: UserV2[] }

// ---- User administration (service accounts and people) ----------------------------------------------------------

/** `V2UserKeyRequest`: a service account's RSA public key; `action` SAVE / REVOKE (current), EXTEND / REVOKE (previous). */
export interface V2UserKeyRequest { key?: string; expirationDate?: number; action?: 'SAVE' | 'REVOKE' | 'EXTEND' }
/** `V2UserAttributes`: what create and update send and what get returns (with the keys, without `action`). */
export interface V2UserAttributes {
  emailAddress?: string; firstName?: string; lastName?: string; userName?: string; displayName?: string; companyName?: string;
  department?: string; division?: string; title?: string; workPhoneNumber?: string; mobilePhoneNumber?: string;
  twoFactorAuthPhone?: string; smsNumber?: string; accountType?: AccountType; location?: string; recommendedLanguage?: string;
  jobFunction?: string; assetClasses?: string[]; industries?: string[]; marketCoverage?: string[]; responsibility?: string[];
  function?: string[]; instrument?: string[]; currentKey?: V2UserKeyRequest; previousKey?: V2UserKeyRequest;
  userMetadata?: Record<string, unknown>;
}
export type UserAccountStatus = 'ENABLED' | 'DISABLED';
/** `UserSystemInfo`. */
export interface UserSystemInfo {
  id?: number; status?: UserAccountStatus; suspended?: boolean; suspendedUntil?: number; suspensionReason?: string;
  createdDate?: number; createdBy?: string; lastUpdatedDate?: number; lastLoginDate?: number; lastPasswordReset?: number; deactivatedDate?: number;
}
/** `V2UserDetail`. */
export interface V2UserDetail {
  userAttributes?: V2UserAttributes; userSystemInfo?: UserSystemInfo; features?: number[]; apps?: number[]; groups?: number[];
  roles?: string[]; disclaimers?: number[]; avatar?: Avatar;
}
/** `V2UserCreate`: a person may have a password; a service account has an RSA key instead. */
export interface V2UserCreate { userAttributes: V2UserAttributes; roles?: string[] }
/** `UserFilter` of POST /v1/admin/user/find. */
export interface UserFilter { role?: string; feature?: string; status?: UserAccountStatus }
/** `UserStatus`. */
export interface UserStatus { status?: UserAccountStatus; suspended?: boolean; suspendedUntil?: number; suspensionReason?: string }
/** `RoleDetail` of GET /v1/admin/system/roles/list. */
export interface RoleDetail { id?: string; name?: string; userTypes?: string[]; optionalActions?: string[] }
/** `Feature`: the spec spells the name field `entitlment`. */
export interface Feature { entitlment?: string; enabled?: boolean }
/** `V1Session` of GET /v1/users/{uid}/sessions. */
export interface V1Session {
  sessionId?: string; clientIp?: string; userId?: number; userAgent?: string; browser?: string; os?: string; device?: string;
  deviceHash?: string; creationTime?: number; expirationDelay?: number;
}
export interface V1UserSessions { sessions?: V1Session[] }

// ---- Connections ------------------------------------------------------------------------------------------------

export type ConnectionStatus = 'PENDING_INCOMING' | 'PENDING_OUTGOING' | 'ACCEPTED' | 'REJECTED';
export type ConnectionStatusFilter = ConnectionStatus | 'ALL';
export interface UserConnectionRequest { userId: number | bigint }
export interface UserConnection {
  userId?: number; status?: ConnectionStatus; firstRequestedAt?: number; updatedAt?: number; requestCounter?: number;
}
export type UserConnectionList = UserConnection[];

// ---- Groups (Profile Manager) -----------------------------------------------------------------------------------

export type Owner = 'PLATFORM' | 'TENANT' | 'USER';
export type GroupStatus = 'ACTIVE' | 'DELETED';
export type SortOrder = 'ASC' | 'DESC';
export interface PaginationCursors { before?: string; after?: string }
export interface Pagination { previous?: string; next?: string; cursors: PaginationCursors }
export interface Member { memberTenant?: number; memberId?: number }
export interface ReadMember extends Member { addedDate?: string; status?: 'ENABLED' | 'DISABLED' }
export interface GroupVisibilityRestriction { restrictedTenantsList?: number[]; restrictedUsersList?: number[] }
export interface GroupImplicitConnection { connectedTenantsList?: number[]; connectedUsersList?: number[] }
export interface GroupInteractionTransfer { restrictedTenantsList?: number[]; restrictedUsersList?: number[] }
export interface BaseProfile {
  displayName?: string; companyName?: string; email?: string; mobile?: string; jobTitle?: string; jobRole?: string;
  jobDepartment?: string; jobDivision?: string; jobPhone?: string; jobCity?: string; industryOfInterest?: string[];
  assetClassesOfInterest?: string[]; marketCoverage?: string[]; responsibility?: string[]; function?: string[];
  instrument?: string[];
}
export interface Profile extends BaseProfile { id?: string; avatars?: Avatar[] }
export interface BaseGroup { type: string; ownerType: Owner; ownerId: number; name: string }
interface GroupOptions {
  subType?: 'COMMUNITY' | 'CHANNEL'; referrer?: string; visibilityRestriction?: GroupVisibilityRestriction;
  implicitConnection?: GroupImplicitConnection; interactionTransfer?: GroupInteractionTransfer;
}
export interface CreateGroup extends BaseGroup, GroupOptions { members?: Member[]; profile?: BaseProfile }
export interface UpdateGroup extends CreateGroup { id?: string; status?: GroupStatus; eTag?: string }
export interface ReadGroup extends BaseGroup, GroupOptions {
  id?: string; createdDate?: string; createdBy?: string; updatedDate?: string; updatedBy?: string;
  status?: GroupStatus; eTag?: string; members?: ReadMember[]; profile?: Profile;
}
export interface GroupList { pagination?: Pagination; data?: ReadGroup[] }
export interface BaseType { id?: string; ownerType?: Owner; name?: string; status?: GroupStatus }
export interface ProfileControl {
  visibilityRestriction?: { visible?: boolean; restrictToTenants?: boolean; restrictToUsers?: boolean };
  implicitConnection?: { all?: boolean; connectToTenants?: boolean; connectToUsers?: boolean };
  wallSupport?: boolean; profileFields?: string[]; searchFields?: string[]; canHavePublicProfile?: boolean;
}
export interface MembershipControl {
  entitlements?: string[]; manualMembership?: boolean; ruleMembership?: boolean; updateMembershipOnRuleUpdate?: boolean;
  notifyMembersOnUpdate?: boolean; canBelongToMultipleGroup?: boolean;
}
export interface InteractionControl {
  allowIMs?: boolean; allowRooms?: boolean; tagStream?: string; canHaveInteraction?: boolean;
  interactionTransfer?: {
    target?: 'TO_USER' | 'TO_MEMBERS' | 'NONE'; updateInteractionOngroupUpdate?: boolean;
    systemMessageOnInteraction?: boolean; auditTransfer?: boolean;
    transferView?: { visible?: boolean; restrictToTenants?: boolean; restrictToUsers?: boolean };
  };
}
export interface Type extends BaseType {
  profileControl?: ProfileControl; membershipControl?: MembershipControl; interactionControl?: InteractionControl;
}
export interface TypeList { pagination?: Pagination; data?: BaseType[] }
