import { cva, type VariantProps } from "class-variance-authority";
import { cn } from "@/lib/utils";

const pageContainerVariants = cva("mx-auto w-full px-4 sm:px-6 lg:px-8", {
  variants: {
    size: {
      reading: "max-w-[50rem]",
      narrow: "max-w-2xl",
      default: "max-w-page",
      wide: "max-w-screen-2xl",
    },
    spacing: {
      none: "",
      default: "py-8 sm:py-10",
      loose: "py-10 sm:py-16",
    },
  },
  defaultVariants: { size: "default", spacing: "default" },
});

type PageContainerProps = React.ComponentProps<"div"> &
  VariantProps<typeof pageContainerVariants> & { as?: "div" | "main" | "section" | "article" };

function PageContainer({ as: Comp = "div", size, spacing, className, ...props }: PageContainerProps) {
  return <Comp data-slot="page-container" className={cn(pageContainerVariants({ size, spacing }), className)} {...props} />;
}

export { PageContainer, pageContainerVariants, type PageContainerProps };
