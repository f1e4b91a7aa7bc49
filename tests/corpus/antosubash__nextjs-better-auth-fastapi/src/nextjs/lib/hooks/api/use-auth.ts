// Re-export admin hooks
export {
  useAdminBanUser,
  useAdminCreateUser,
  useAdminDeleteUser,
  useAdminGetUser,
  useAdminImpersonateUser,
  useAdminListUserSessions,
  useAdminListUsers,
  useAdminRevokeUserSession,
  useAdminRevokeUserSessions,
  useAdminSetRole,
  useAdminSetUserPassword,
  useAdminStopImpersonating,
  useAdminUnbanUser,
  useAdminUpdateUser,
} from "./use-auth-admin";
// Re-export invitation hooks
export {
  useAcceptInvitation,
  useCancelInvitation,
  useCreateInvitation,
  useListInvitations,
  useRejectInvitation,
} from "./use-auth-invitations";
// Re-export member hooks
export {
  useAddMember,
  useLeaveOrganization,
  useListMembers,
  useRemoveMember,
  useUpdateMemberRole,
} from "./use-auth-members";
// Re-export organization hooks
export {
  useCreateOrganization,
  useDeleteOrganization,
  useOrganizations,
  useSetActiveOrganization,
  useUpdateOrganization,
} from "./use-auth-organizations";
// Re-export profile hooks
export {
  useChangePassword,
  useRequestPasswordReset,
  useResetPassword,
  useSendVerificationEmail,
  useUpdateProfile,
} from "./use-auth-profile";
// Re-export session hooks
export {
  useSession,
  useSignIn,
  useSignOut,
  useSignUp,
} from "./use-auth-session";
// Re-export passkey hooks
export {
  useAddPasskey,
  useDeletePasskey,
  usePasskeys,
  useSignInWithPasskey,
  useUpdatePasskey,
} from "./use-passkeys";
