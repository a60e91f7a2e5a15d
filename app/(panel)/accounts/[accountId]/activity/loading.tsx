import { AccountHeaderSkeleton, SkeletonPage } from "../skeleton";

/** The activity page's shape: header, then rows of changes (cards on a phone). */
export default function Loading() {
  return (
    <SkeletonPage label="Loading the activity…" header={<AccountHeaderSkeleton title="Activity on example.com" current="activity" />}>
      <div className="mt-4 space-y-2 sm:space-y-px">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-48 rounded-md bg-white shadow-sm sm:h-14 sm:rounded-none" />
        ))}
      </div>
    </SkeletonPage>
  );
}
